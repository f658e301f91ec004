package nl.gehoord.trends;

import java.util.ArrayList;
import java.util.List;

/** Every breakdown the API allows: each set of up to three dimensions, in the order of TrendDims.ALL. */
final class TrendShapes {
    private TrendShapes() {
    }

    static List<String> all() {
        List<String> shapes = new ArrayList<>();
        List<String> dims = TrendDims.ALL;
        shapes.add("");
        for (int a = 0; a < dims.size(); a++) {
            shapes.add(dims.get(a));
            for (int b = a + 1; b < dims.size(); b++) {
                shapes.add(dims.get(a) + "," + dims.get(b));
                for (int c = b + 1; c < dims.size(); c++) {
                    shapes.add(dims.get(a) + "," + dims.get(b) + "," + dims.get(c));
                }
            }
        }
        return shapes;
    }

    /** The counts of a cell as text: the cases alone, or every perturbed layer value too. */
    static String counts(TrendsTable.Cell c) {
        return c.key() + "=" + c.cases();
    }

    static String layers(TrendsTable.Cell c) {
        return c.key() + ":" + c.outcomes() + c.sla() + c.firstResponse() + c.resolution();
    }
}
