import { compareCodeUnits } from "../keys.js";
import type { VaultPath } from "../types.js";
import type { DanglingTarget } from "./findings.js";

/** A missing topic ranked by how many distinct notes link to it (a wiki's "wanted pages"). */
export interface WantedTopic {
  target: string;
  count: number;
  sources: VaultPath[];
}

export function wantedTopics(dangling: readonly DanglingTarget[]): WantedTopic[] {
  return dangling
    .map((group) => {
      const sources = [...new Set(group.references.map((ref) => ref.source))].sort(compareCodeUnits);
      return { target: group.target, count: sources.length, sources };
    })
    .sort((a, b) => b.count - a.count || compareCodeUnits(a.target, b.target));
}
