// Writes one table row into a section of bench/RESULTS.md, so every bench script records its
// figures the same way: the row of the same label is replaced, other rows and sections stay.

/**
 * `text` with `row` put into the section headed `section` (a `## …` line): replaces the row whose
 * first cell is `label`, else appends it; creates the section (with `intro` and `header`) if absent.
 */
export function updateResultsSection(text, { section, intro, header, label, row }) {
  const lines = text.split('\n');
  const start = lines.findIndex(line => line.trim() === section);
  if (start < 0) {
    const block = [section, '', ...intro, '', ...header, row];
    const body = text.replace(/\n*$/, '');
    return `${body ? `${body}\n\n` : ''}${block.join('\n')}\n`;
  }
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (end < 0) end = lines.length;
  const rowIndexes = [];
  for (let index = start + 1; index < end; index += 1) {
    if (lines[index].startsWith('|')) rowIndexes.push(index);
  }
  const same = rowIndexes.find(index => lines[index].split('|')[1]?.trim() === label);
  if (same !== undefined) {
    lines[same] = row;
  } else if (rowIndexes.length > 0) {
    lines.splice(rowIndexes.at(-1) + 1, 0, row);
  } else {
    // A section without a table (written by hand): the table goes at its end.
    let at = end;
    while (at > start + 1 && lines[at - 1].trim() === '') at -= 1;
    lines.splice(at, 0, '', ...header, row);
  }
  return lines.join('\n');
}
