// No help page left behind in the tab's history. Moving into the help section, and moving about within it,
// replaces the current history entry instead of adding one: after "Exit this page" (which replaces the page it
// is pressed on), Back never shows a help page, however many times it is pressed. On a help page every link,
// a link to a place on the same page included, replaces the page; elsewhere, only links into the help section.
// Without JavaScript links work as usual (the "Staying safe online" page says what that leaves behind).
const bar = document.querySelector("[data-help-section]");
const helpSection = bar?.dataset.helpSection;
const onHelpPage = document.querySelector("[data-quick-exit]") !== null;

function replacesHistory(link, event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return false; // a new tab or window: the visitor asked for one
    }
    if (link.target && link.target !== "_self") return false;
    if (link.hasAttribute("download") || link.hasAttribute("data-quick-exit")) return false;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return false;
    return onHelpPage || (helpSection && url.pathname.startsWith(helpSection));
}

document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link || !replacesHistory(link, event)) return;
    event.preventDefault();
    const url = new URL(link.href, location.href);
    const samePage = url.pathname === location.pathname && url.search === location.search;
    location.replace(url.href);
    if (samePage && url.hash) {
        // Going to a place on the page: move the keyboard focus there too, as a followed link would.
        const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
        if (target && !target.matches("a, button, input, select, textarea, [tabindex]")) target.tabIndex = -1;
        target?.focus();
    }
});
