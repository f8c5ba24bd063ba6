export interface Place {
  line: number;
  column: number;
}

/** Maps string offsets to 1-based lines and UTF-16 columns, as editors count them. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const ending = /\r\n|\r|\n/g;
    for (let match = ending.exec(text); match !== null; match = ending.exec(text)) {
      this.starts.push(match.index + match[0].length);
    }
  }

  placeOf(offset: number): Place {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column, or null when the line does not exist. */
  offsetOf(line: number, column: number): number | null {
    const start = this.starts[line - 1];
    return start === undefined ? null : start + column - 1;
  }
}
