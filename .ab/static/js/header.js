// The header's menu and search are <details> elements: they open and close without JavaScript. This only
// makes them friendlier: the search field takes the focus when the search opens, Escape closes what is open
// (and gives the focus back to its button), and a click elsewhere closes the search.
const panels = [...document.querySelectorAll(".site-header details")];

for (const search of document.querySelectorAll(".site-header .header-search")) {
    search.addEventListener("toggle", () => {
        if (search.open) search.querySelector("input[type=search]").focus();
    });
}

document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = panels.filter((panel) => panel.open && panel.contains(document.activeElement)).pop();
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
});

document.addEventListener("click", (event) => {
    for (const panel of panels.filter((p) => p.open && p.classList.contains("header-search"))) {
        if (!panel.contains(event.target)) panel.open = false;
    }
});
