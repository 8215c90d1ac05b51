package dev.ddb.standalone.console;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Reads the console's metrics view (a table's Metrics tab or the Metrics page) as a user reads it. */
final class MetricsView {

    private MetricsView() {
    }

    /** How many snapshots of the meters the view has polled so far. */
    static int samples(WebDriver browser) {
        List<WebElement> status = browser.findElements(By.cssSelector("#metrics-status[data-samples]"));
        return status.isEmpty() ? 0 : Integer.parseInt(status.get(0).getAttribute("data-samples"));
    }

    /** A figure as shown: the row of a table (Metrics page) or operation (a table's tab), the column by name. */
    static String figureText(WebDriver browser, String group, String figure) {
        return browser.findElement(By.cssSelector("#metrics-figures tbody tr[data-group='" + group + "'] td[data-figure='"
                + figure + "']")).getText();
    }

    /** A count as shown; 0 while its row is not there. */
    static long count(WebDriver browser, String group, String figure) {
        List<WebElement> cells = browser.findElements(By.cssSelector("#metrics-figures tbody tr[data-group='" + group
                + "'] td[data-figure='" + figure + "']"));
        return cells.isEmpty() ? 0 : Long.parseLong(cells.get(0).getText().replace(",", ""));
    }
}
