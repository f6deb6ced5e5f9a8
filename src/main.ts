/**
 * Entry point of `npm start`. Until the Telegram bot lands this prints an overview of the
 * validated dataset, so a fresh checkout shows at once what the bot knows.
 */
import { loadDataset } from "./data/load.ts";
import { isCounted } from "./data/pilots.ts";

const { pilots, programme } = loadDataset();
const counted = pilots.filter(isCounted);
console.log(`${programme.name}：共 ${counted.length} 个试点（数据已校验）`);
for (const b of programme.batches) {
  console.log(
    `  ${b.label}（${b.year}年度，${b.announced} 公布）：新增 ${b.count} 个` +
      (b.expansions ? `，扩大范围 ${b.expansions} 个${b.batch === 2 ? "（不计入总数）" : ""}` : ""),
  );
}
