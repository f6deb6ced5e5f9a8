import type { Context, SessionFlavor } from "grammy";
import type { Context as ChatMemory } from "../engine/engine.ts";

/** What the bot keeps per chat: the engine's follow-up context. */
export interface SessionData {
  memory: ChatMemory;
  /**
   * The context each of the last few answers left, by the message id of the answer, so that a reply
   * to an older answer follows up on that answer and not on the chat's latest one.
   */
  replies?: Record<string, ChatMemory>;
  /** The bot's answer messages by the id of the question they answer, so that an edit can update them. */
  answers?: Record<string, number[]>;
}

/** How many answers' contexts a chat keeps for replies. */
export const REPLY_CONTEXTS = 20;

/** Per-update facts the logging middleware writes out (never the message text above debug). */
export interface UpdateLog {
  intent?: string;
  outcome?: string;
}

/**
 * The bot's context type; `charts` is how pictures reach this chat and `documents` how research
 * tables do (absent: text only); `budget` limits answered questions.
 */
export type BotContext = Context &
  SessionFlavor<SessionData> & {
    updateLog: UpdateLog;
    charts?: import("./charts.ts").ChartDelivery;
    documents?: import("./documents.ts").DocumentDelivery;
    /** The sender's budget of answered questions (absent: unlimited). */
    budget?: import("./question-budget.ts").QuestionBudget;
  };
