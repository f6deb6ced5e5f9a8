import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";

const engine = new Engine();

/** Questions an answer audit got wrong once: each row is what the answer must say now. */
describe("answers the audit checked", () => {
  it.each([
    ["钢城区是试点吗", true, "莱芜市", ["钢城区在国家智慧城市试点“莱芜市”的范围内", "山东省济南市"]],
    ["莱芜区是试点吗", true, "莱芜市", ["莱芜区在国家智慧城市试点“莱芜市”的范围内"]],
    ["蓬莱镇是试点吗", true, "泉州市", ["安溪县蓬莱镇", "第三批"]],
    ["咸祥镇是试点吗", true, "宁波市", ["鄞州区咸祥镇", "第二批"]],
    ["海曙区是试点吗", true, "宁波市", ["所在地：浙江省宁波市"]],
    ["东城街道是试点吗", null, undefined, ["东城街道"]],
    ["宁波江北区是试点吗", false, "江北区", ["浙江省宁波市", "在试点宁波市（第二批）的范围内"]],
    ["晋城市城区是试点吗", false, "城区", ["山西省晋城市", "在试点晋城市（第二批）的范围内"]],
    ["城区是试点吗", true, "大同市城区", ["晋城市城区"]],
    ["东城区是试点吗", true, "北京市东城区", ["东莞市东城区"]],
    ["桃源县是试点吗", false, "桃源县", ["常德市桃源县漳江镇", "常德市（第三批）"]],
    ["平城区是试点吗", false, "平城区", ["大同市城区", "大同市（第三批）"]],
    ["Is Jilin City a pilot?", false, "吉林市", ["磐石市"]],
    ["Is Chaoyang District a pilot?", true, "北京市朝阳区", ["batch 1"]],
    ["Is Nyingchi a pilot?", true, "林芝地区", ["batch 2"]],
    ["Is Hainan Prefecture a pilot?", false, "海南藏族自治州", ["贵德县"]],
  ] as const)("%s", (q, isPilot, place, phrases) => {
    const a = engine.answer(q);
    expect(a.isPilot).toBe(isPilot);
    expect(a.place).toBe(place);
    for (const phrase of phrases) expect(a.text).toContain(phrase);
  });

  it.each([
    ["林芝是哪一批的", /^林芝地区是国家智慧城市试点。/],
    ["台湾有多少个试点", /台湾省没有国家智慧城市试点。\n试点只在内地/],
    ["香港有几个试点", /香港特别行政区没有/],
    ["第四批什么时候公布", /只公布过三批/],
    ["有哪些城市评上了三星", /没有各试点评定星级的结果/],
    ["扩大范围试点有哪些", /第三批（2014年度）的13个，计入290个：正定县→石家庄市/],
    ["2013年扩大范围有哪些", /扩大范围（10个）：常州市新北区→常州市/],
    ["山东第三批有几个", /共有10个国家智慧城市试点（其中扩大范围1个）/],
    ["江苏第二批有哪些", /试点：\n南通市、丹阳市/],
    ["什么是国家智慧城市试点", /^国家智慧城市试点是住建部2012年12月5日启动/],
    ["2014年试点申报通知是哪天发的", /2014年8月22日/],
    ["临沂有几个试点", /临沂市没有国家智慧城市试点。\n说明：/],
  ])("%s", (q, pattern) => {
    expect(engine.answer(q).text).toMatch(pattern);
  });

  it("does not repeat a note or mix unrelated ones", () => {
    const chengdu = engine.answer("成都是试点吗").text;
    expect(chengdu.match(/说明/g)).toHaveLength(1);
    expect(engine.answer("天津是试点吗").text).not.toContain("说明");
    expect(engine.answer("第三批有多少个").text.match(/13个扩大范围/g)).toHaveLength(1);
  });
});
