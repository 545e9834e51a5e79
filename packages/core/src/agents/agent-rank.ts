/**
 * An agent's standing in a campaign (VICIdial's campaign rank, -9–9, and
 * grade, 1–10): what a campaign that picks agents by rank or grade reads.
 */
export interface AgentCampaignRank {
  agentId: string;
  campaignId: string;
  rank: number;
  grade: number;
}

/** A rank and a grade to set; one left out stays as it is (a new row takes rank 0, grade 1). */
export interface RankChange {
  rank?: number;
  grade?: number;
}
