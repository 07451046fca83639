package dev.flatline.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column names for Tablesaw tables, which look columns up ignoring case and so cannot hold two
 * columns whose names differ only by case (a real UCI file has {@code Sc.Var.Maxis} and
 * {@code Sc.Var.maxis} side by side). The user's names stay as they are everywhere else (features,
 * messages, charts, reports); only a table column whose name clashes with an earlier one gets a
 * suffix, {@code " (2)"}, {@code " (3)"}, ..., and the renaming is described once.
 */
final class TableNames {

    private final List<String> names;
    private final List<String> renamed;

    private TableNames(List<String> names, List<String> renamed) {
        this.names = names;
        this.renamed = renamed;
    }

    /** Distinct-ignoring-case names for the given column names, in the same order. */
    static TableNames of(List<String> userNames) {
        Set<String> taken = new HashSet<>();
        for (String name : userNames) {
            taken.add(key(name));
        }
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(userNames.size());
        List<String> renamed = new ArrayList<>();
        for (String name : userNames) {
            String tableName = name;
            if (!used.add(key(name))) {
                for (int n = 2; ; n++) {
                    tableName = name + " (" + n + ")";
                    if (!taken.contains(key(tableName)) && used.add(key(tableName))) {
                        break;
                    }
                }
                renamed.add("'" + name + "' as '" + tableName + "'");
            }
            names.add(tableName);
        }
        return new TableNames(List.copyOf(names), List.copyOf(renamed));
    }

    /** The table's column names, in the order of the user's names. */
    List<String> names() {
        return names;
    }

    /** Whether any column had to be renamed. */
    boolean anyRenamed() {
        return !renamed.isEmpty();
    }

    /** One sentence saying which columns the table shows under another name, and why. */
    String note() {
        return "Tablesaw tables compare column names ignoring case, so the table shows "
                + String.join(", ", renamed) + "; everywhere else (features, charts, reports) the names are "
                + "as in the file.";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
