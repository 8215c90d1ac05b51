package dev.ddb.standalone.console;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Reads the console's metrics view (a table's Metrics tab or the Metrics page) as a user reads it.
 * The view is drawn again at every poll, so a cell is read in one script call (an element found
 * first and read after could be gone by then).
 */
final class MetricsView {

    private MetricsView() {
    }

    /** The text of the first element the CSS selector finds; null when there is none (yet). */
    static String text(WebDriver browser, String selector) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector(arguments[0])?.textContent ?? null;", selector);
    }

    /** A figure as shown: the row of a table (Metrics page) or operation (a table's tab), the column by name; null when not shown. */
    static String figureText(WebDriver browser, String group, String figure) {
        return text(browser, "#metrics-figures tbody tr[data-group='" + group + "'] td[data-figure='" + figure + "']");
    }

    /** A count as shown; 0 while its row is not there. */
    static long count(WebDriver browser, String group, String figure) {
        String shown = figureText(browser, group, figure);
        return shown == null ? 0 : Long.parseLong(shown.replace(",", ""));
    }
}
