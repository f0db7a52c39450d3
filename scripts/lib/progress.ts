/**
 * Progress for a long build. On a terminal each report replaces the previous one in place, so a big
 * download reads as one moving line; anywhere else (CI logs, pipes) each report is its own line.
 */
export function progressWriter(stream: NodeJS.WriteStream = process.stderr) {
  let open = false;
  const report = (line: string) => {
    if (stream.isTTY) {
      stream.write(`\r\x1b[K${line}`);
      open = true;
    } else {
      stream.write(`${line}\n`);
    }
  };
  /** Ends the moving line before other output. */
  const done = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return { report, done };
}
