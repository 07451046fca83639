package dev.flatline.plots;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns a tablesaw-jsplot {@link Figure} into Plotly's figure JSON ({@code data} and {@code layout}).
 *
 * <p>tablesaw only writes JavaScript ({@code var layout = {...}; var trace0 = {...}; var data =
 * [trace0]; Plotly.newPlot(...)}) whose object literals have unquoted keys, single-quoted strings
 * and trailing commas; Jackson reads them with its lenient features. The result is then normalised
 * so it means in plotly.js what tablesaw meant:
 * <ul>
 *   <li>tablesaw's templates HTML-escape text; plotly.js decodes {@code &lt; &gt; &amp;} itself but
 *       not {@code &quot;} and {@code &#39;}, which are turned back into quotes;</li>
 *   <li>plain-string titles become {@code {text: ...}} objects (and {@code titlefont} their
 *       {@code font}), the form plotly.js 2 prefers and plotly.js 3 (JupyterLab's plotly renderer
 *       from plotly.py 6 on) requires;</li>
 *   <li>NaN and infinities, which strict JSON lacks, become {@code null} (a gap in plotly.js);</li>
 *   <li>tablesaw's default width of 700 px is dropped so the chart follows its container.</li>
 * </ul>
 */
final class TablesawFigureJson {

    /** tablesaw's {@code Layout} writes this width when none was asked for. */
    static final int TABLESAW_DEFAULT_WIDTH = 700;

    private static final Pattern LAYOUT = Pattern.compile("\\bvar\\s+layout\\s*=\\s*");
    private static final Pattern TRACE = Pattern.compile("\\bvar\\s+(trace\\d+)\\s*=\\s*");
    private static final Pattern DATA = Pattern.compile("\\bvar\\s+data\\s*=\\s*\\[([^\\]]*)\\]");

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private TablesawFigureJson() {
    }

    /** Plotly's figure JSON for {@code figure}, as a tree that callers may refine further. */
    static ObjectNode toFigureNode(Figure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("figure is null; build one with tablesaw's Figure or a Charts method");
        }
        // The div name only appears in tablesaw's getElementById call, which we discard.
        return fromJavascript(figure.asJavascript("flatline_figure"));
    }

    /** Parses tablesaw's {@code asJavascript} output; package-visible for tests of odd inputs. */
    static ObjectNode fromJavascript(String javascript) {
        ObjectNode figure = JsonNodeFactory.instance.objectNode();
        ArrayNode data = figure.putArray("data");
        Map<String, JsonNode> traces = new java.util.LinkedHashMap<>();
        Matcher trace = TRACE.matcher(javascript);
        while (trace.find()) {
            traces.put(trace.group(1), readLiteral(javascript, trace.end(), trace.group(1)));
        }
        for (String name : traceOrder(javascript, traces)) {
            JsonNode node = traces.get(name);
            if (node == null) {
                throw new IllegalStateException("tablesaw's figure lists trace '" + name
                        + "' in its data but never defines it:\n" + javascript);
            }
            data.add(node);
        }
        Matcher layout = LAYOUT.matcher(javascript);
        ObjectNode layoutNode = layout.find()
                ? (ObjectNode) readLiteral(javascript, layout.end(), "layout")
                : JsonNodeFactory.instance.objectNode();
        figure.set("layout", layoutNode);
        normalise(figure);
        normaliseLayout(layoutNode);
        return figure;
    }

    /** Strict JSON text of a figure tree. */
    static String write(ObjectNode figure) {
        try {
            return STRICT.writeValueAsString(figure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chart's figure as JSON", e);
        }
    }

    private static List<String> traceOrder(String javascript, Map<String, JsonNode> traces) {
        Matcher data = DATA.matcher(javascript);
        if (!data.find()) {
            return new ArrayList<>(traces.keySet());
        }
        List<String> names = new ArrayList<>();
        for (String name : data.group(1).split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }

    private static JsonNode readLiteral(String javascript, int start, String what) {
        int brace = javascript.indexOf('{', start);
        if (brace < 0) {
            throw new IllegalStateException("tablesaw's figure has no object literal for '" + what + "':\n" + javascript);
        }
        // readTree(parser) reads exactly one value and ignores what follows (the next statements).
        try (JsonParser parser = LENIENT.createParser(javascript.substring(brace))) {
            JsonNode node = LENIENT.readTree(parser);
            if (!(node instanceof ObjectNode)) {
                throw new IllegalStateException("tablesaw's '" + what + "' is not an object literal");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tablesaw's '" + what + "' as a JavaScript object literal: "
                    + e.getMessage() + "\n" + javascript, e);
        }
    }

    /** Undoes the escapes plotly.js would show literally, and replaces non-finite numbers by null. */
    private static void normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    // Only object fields come from tablesaw's escaping templates; arrays are Jackson's.
                    field.setValue(TextNode.valueOf(unescapeQuotes(value.textValue())));
                } else if (isNonFinite(value)) {
                    field.setValue(JsonNodeFactory.instance.nullNode());
                } else {
                    normalise(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isNonFinite(array.get(i))) {
                    array.set(i, JsonNodeFactory.instance.nullNode());
                } else {
                    normalise(array.get(i));
                }
            }
        }
    }

    private static boolean isNonFinite(JsonNode value) {
        return value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue());
    }

    private static String unescapeQuotes(String text) {
        return text.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&#x27;", "'");
    }

    private static void normaliseLayout(ObjectNode layout) {
        titleAsObject(layout);
        for (Iterator<Map.Entry<String, JsonNode>> it = layout.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().matches("[xyz]axis\\d*") && field.getValue() instanceof ObjectNode axis) {
                titleAsObject(axis);
            }
        }
        JsonNode width = layout.get("width");
        if (width != null && width.isNumber() && width.intValue() == TABLESAW_DEFAULT_WIDTH) {
            layout.remove("width");
            layout.put("autosize", true);
        }
    }

    private static void titleAsObject(ObjectNode owner) {
        JsonNode title = owner.get("title");
        JsonNode titleFont = owner.remove("titlefont");
        if (title != null && title.isTextual()) {
            ObjectNode titleObject = JsonNodeFactory.instance.objectNode();
            titleObject.put("text", title.textValue());
            owner.set("title", titleObject);
            title = titleObject;
        }
        if (titleFont != null) {
            ObjectNode titleObject = title instanceof ObjectNode existing ? existing : owner.putObject("title");
            titleObject.set("font", titleFont);
        }
    }
}
