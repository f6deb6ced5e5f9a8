import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.ts";
import { offTopicAsked, offTopicObject } from "../src/engine/scope.ts";

const engine = new Engine();

describe("offTopicObject", () => {
  it.each([
    ["  有什么景点", "景点"],
    ["  有多少人口", "人口"],
    ["  有什么好吃的", "好吃"],
  ])("%j asks for %s", (residual, object) => {
    expect(offTopicObject(residual)).toBe(object);
  });

  it.each(["  有多少个", "  有哪些", "  有哪些地方入选", "  有几个市", "  是什么时候评上的", "  有什么区别"])(
    "%j is on topic",
    (residual) => {
      expect(offTopicObject(residual)).toBeUndefined();
    },
  );
});

describe("questions about a place on another topic", () => {
  it.each([
    "西安有什么景点",
    "广州有多少人口",
    "成都有什么好吃的",
    "广州房租贵吗",
    "成都到重庆高铁要多久",
    "明天北京会下雨吗",
  ])("%s: unknown, no count or list, and says what it can tell about the place", (q) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("unknown");
    expect(a.count).toBeUndefined();
    expect(a.pilots ?? []).toHaveLength(0);
    expect(a.text).toContain("不在我的范围内");
    expect(a.text).toMatch(/关于(西安|广州|成都|北京)市/);
  });

  it("still answers the pilot question about the same place", () => {
    expect(engine.answer("西安有什么试点").intent).toBe("area.list");
    expect(engine.answer("广州有多少个试点")).toMatchObject({ intent: "area.count", count: 2 }); // 番禺区, 萝岗区
  });
});

describe("offTopicAsked: superlatives and prices of other things", () => {
  it.each([
    ["中国人口最多的城市是哪个", "中国人口"],
    ["哪里的小龙虾最好吃,  还是  ", "小龙虾"],
    ["iphone16多少钱", "iphone16"],
    ["  到  城际票多少钱", "城际票"],
  ])("%j asks about %s", (residual, thing) => {
    expect(offTopicAsked(residual)).toBe(thing);
  });

  it.each([
    "哪个省最多",
    "  哪个地级市试点最多",
    "   数量最多的是哪个省份",
    "   新增最多的是哪个省",
    "国家给多少钱",
    "砸了多少钱",
    "一个试点多少钱",
    "总投资多少钱",
  ])("%j is about the programme", (residual) => {
    expect(offTopicAsked(residual)).toBeUndefined();
  });

  it.each([
    "iphone16多少钱",
    "北京到天津城际票多少钱",
    "中国人口最多的城市是哪个",
    "哪里的小龙虾最好吃，盱眙还是潜江",
  ])("%s gets no programme answer", (q) => {
    const a = engine.answer(q);
    expect(a.intent).toBe("unknown");
    expect(a.count).toBeUndefined();
  });
});
