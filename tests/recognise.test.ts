import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { canonicalName } from "../src/engine/lexicon.ts";
import { normalise } from "../src/engine/normalise.ts";
import { recognise } from "../src/engine/recognise.ts";

const engine = new Engine();
const places = (q: string) =>
  recognise(normalise(q), engine.lexicon, engine.atlas).mentions.map((m) => canonicalName(m.place));
const batch = (q: string) => recognise(normalise(q), engine.lexicon, engine.atlas).batch;

describe("recognise places", () => {
  it.each([
    ["昆山市是试点吗", ["昆山市"]],
    ["昆山", ["昆山市"]],
    ["番禺", ["广州市番禺区"]],
    ["梅溪湖", ["长沙市梅溪湖国际服务区"]],
    ["郫都区", ["郫县"]],
    ["林芝市", ["林芝地区"]],
    ["盘州市", ["六盘水市盘县"]],
    ["海曙区", ["宁波市"]],
    ["共青城市", ["共青城市"]],
    ["津市市", ["常德市"]],
    ["江苏", ["江苏省"]],
    ["内蒙古有几个", ["内蒙古自治区"]],
    ["吉林有多少个试点", ["吉林省"]],
    ["吉林市是试点吗", ["吉林市"]],
    ["海南有几个", ["海南省"]],
    ["海南州", ["海南藏族自治州"]],
    ["江苏昆山", ["昆山市"]],
    ["广州市番禺区", ["广州市番禺区"]],
    ["长春市朝阳区", ["朝阳区"]],
    ["江苏和浙江", ["江苏省", "浙江省"]],
    ["kunshan", ["昆山市"]],
    ["kun shan shi", ["昆山市"]],
    ["Inner Mongolia", ["内蒙古自治区"]],
    ["Tibet", ["西藏自治区"]],
    ["jiangsu", ["江苏省"]],
    ["lhasa", ["拉萨市"]],
    ["江阴", ["江阴市"]],
    ["今天天气怎么样", []],
    ["城市", []],
  ])("%s → %j", (q, expected) => {
    expect(places(q)).toEqual(expected);
  });

  it("reads 长春市朝阳区 as the county in 长春, not Beijing's pilot", () => {
    const m = recognise(normalise("长春市朝阳区"), engine.lexicon, engine.atlas).mentions[0];
    expect(m?.place.kind === "division" && m.place.division.code).toBe("220104");
  });
});

describe("recognise batches", () => {
  it.each([
    ["第一批", 1],
    ["首批名单", 1],
    ["第二批有多少个", 2],
    ["第3批", 3],
    ["2013年度", 2],
    ["2014年的试点", 3],
    ["2015年公布的那批", 3],
    ["second batch", 2],
    ["batch 3", 3],
    ["di er pi", 2],
    ["昆山是试点吗", null],
  ] as const)("%s → %s", (q, expected) => {
    expect(batch(q)).toBe(expected);
  });
});
