/** One page of a listing in its stable order: `offset` rows skipped, then at most `limit`. */
export interface PageRequest {
  offset: number;
  limit: number;
}
