package dev.flatline.plots;

/** What the colour of a confusion-matrix cell shows (the cell's text is always the row count). */
public enum CellColour {

    /**
     * The cell's share of its true class (its row): each row's colours show that class's recall and
     * where its rows went, so small classes are as visible as large ones.
     */
    ROW_SHARE,

    /** The raw count: dominated by the largest class, so small classes look empty. */
    COUNT
}
