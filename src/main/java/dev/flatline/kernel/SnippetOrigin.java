package dev.flatline.kernel;

/**
 * Where a JShell snippet came from: the cell (its execution count) and the cell line of the
 * snippet's first line, so stack frames and compiler positions can name the learner's own line.
 *
 * @param cell       the execution count of the cell the snippet was in
 * @param firstLine  the 1-based line of the cell on which the snippet's first line sits
 * @param cellSource the whole source of that cell
 */
record SnippetOrigin(int cell, int firstLine, String cellSource) {

    /** The cell line for a 1-based line of the snippet. */
    int cellLine(int snippetLine) {
        return firstLine + snippetLine - 1;
    }

    /** The text of a 1-based cell line, stripped, or an empty string when out of range. */
    String lineText(int cellLine) {
        String[] lines = cellSource.split("\r?\n", -1);
        return cellLine >= 1 && cellLine <= lines.length ? lines[cellLine - 1].strip() : "";
    }
}
