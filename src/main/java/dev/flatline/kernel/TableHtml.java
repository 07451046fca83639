package dev.flatline.kernel;

import dev.flatline.plots.Html;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw {@link Table} as an HTML table for a notebook: a shape line
 * ({@code "150 rows × 5 columns"}) and the first rows, every value escaped.
 */
final class TableHtml {

    /** Rows shown before the table is cut off. */
    static final int DEFAULT_MAX_ROWS = 20;

    private TableHtml() {
    }

    /** The shape line, e.g. {@code "150 rows × 5 columns"}. */
    static String shape(Table table) {
        return String.format(Locale.ROOT, "%d %s × %d %s", table.rowCount(), table.rowCount() == 1 ? "row" : "rows",
                table.columnCount(), table.columnCount() == 1 ? "column" : "columns");
    }

    /** The table's name (when it has one), its shape and its first {@code maxRows} rows. */
    static String render(Table table, int maxRows) {
        int shown = Math.min(maxRows, table.rowCount());
        StringBuilder html = new StringBuilder(256 + shown * table.columnCount() * 24);
        html.append("<div class=\"flatline-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<div><strong>").append(Html.escape(table.name())).append("</strong></div>\n");
        }
        html.append("<div>").append(Html.escape(shape(table)));
        if (shown < table.rowCount()) {
            html.append(" (first ").append(shown).append(" rows shown)");
        }
        html.append("</div>\n<table>\n<thead><tr>");
        for (String column : table.columnNames()) {
            html.append("<th>").append(Html.escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                html.append("<td>").append(Html.escape(cell(table.column(col), row))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        return html.toString();
    }

    /**
     * A cell as text. Fractional numbers get at most four decimals (0.785948275862069 shows as 0.7859),
     * as a reader of a notebook table wants; the table's values themselves are untouched.
     */
    static String cell(Column<?> column, int row) {
        if (!column.isMissing(row) && (column instanceof DoubleColumn || column instanceof FloatColumn)) {
            double value = ((NumberColumn<?, ?>) column).getDouble(row);
            if (Double.isFinite(value) && value != Math.rint(value)) {
                String text = Math.abs(value) >= 1e-3
                        ? String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "")
                        : String.format(Locale.ROOT, "%.4g", value);
                return text;
            }
        }
        return column.getString(row);
    }

    /**
     * Plain text: the shape line and Tablesaw's print of the first rows, fractional numbers with at most
     * four decimals as in {@link #cell} (Tablesaw alone prints sixteen digits).
     */
    static String text(Table table, int maxRows) {
        int shown = Math.min(maxRows, table.rowCount());
        Table rounded = Table.create(table.name());
        Table first = table.first(shown);
        for (int col = 0; col < first.columnCount(); col++) {
            Column<?> column = first.column(col);
            if (column instanceof DoubleColumn || column instanceof FloatColumn) {
                StringColumn text = StringColumn.create(column.name());
                for (int row = 0; row < shown; row++) {
                    text.append(column.isMissing(row) ? "" : cell(column, row));
                }
                rounded.addColumns(text);
            } else {
                rounded.addColumns(column.copy());
            }
        }
        String print = rounded.print(maxRows);
        if (shown < table.rowCount()) {
            print += "\n(first " + shown + " of " + table.rowCount() + " rows shown)";
        }
        return shape(table) + "\n" + print;
    }
}
