/** A shard whose columns contradict each other or its dictionaries; names the file and the field. */
export class ShardDecodeError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${source}: ${field}: ${detail}`);
    this.name = 'ShardDecodeError';
  }
}
