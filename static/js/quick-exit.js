// Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed 3 times within 5 seconds, hides the
// page at once and replaces it in the history with a neutral site, so that Back does not bring it back (and
// help-links.js keeps every other help page out of the history). Without JavaScript the button is a plain link.
const button = document.querySelector("[data-quick-exit]");
const status = document.querySelector("[data-quick-exit-status]");

function leave(event) {
    event?.preventDefault();
    document.body.hidden = true;
    document.title = "…";
    if (status) status.textContent = button.dataset.leaving;
    for (const form of document.querySelectorAll("form")) form.reset();
    location.replace(button.href);
}

if (button) {
    button.addEventListener("click", leave);
    let presses = [];
    document.addEventListener("keyup", (event) => {
        if (event.key !== "Shift") {
            presses = [];
            return;
        }
        const now = Date.now();
        presses = [...presses.filter((time) => now - time < 5000), now];
        if (presses.length >= 3) leave();
        else if (status) status.textContent = presses.length === 1 ? button.dataset.shiftTwo : button.dataset.shiftOne;
    });
}

// The help forms are sent without adding a history entry: the page with the typed text is replaced by the
// confirmation (which shows only the reference), or, when something is missing, the form comes back with its
// errors in the same entry. If the request cannot be made, the form is sent as it is without JavaScript.
async function send(form) {
    const submit = form.querySelector("[type=submit]");
    if (submit) submit.disabled = true;
    let response;
    try {
        response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    } catch {
        form.submit();
        return;
    }
    if (response.redirected) {
        form.reset();
        location.replace(response.url);
        return;
    }
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    document.title = next.title;
    const main = next.querySelector("main");
    document.querySelector("main").replaceWith(main);
    // The answer from its top: the errors if any, else the page's content (the result of a check).
    if (!focusErrors()) {
        const result = main.querySelector("[role=status]") || main;
        if (!result.hasAttribute("tabindex")) result.tabIndex = -1;
        result.focus();
        result.scrollIntoView({ block: "start" });
    }
}

document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("[data-safe-form]")) return;
    event.preventDefault();
    send(form);
});

// Leaving the page another way (the browser's Back button, a closed tab): nothing typed is kept for the
// back/forward cache to show again.
addEventListener("pagehide", () => {
    for (const form of document.querySelectorAll("[data-safe-form]")) form.reset();
});

// The report form: answering "yes" to immediate danger shows the police number next to the question at once.
document.addEventListener("change", (event) => {
    if (!event.target.matches("input[name=danger]")) return;
    const dangerNote = document.querySelector("[data-danger-note]");
    if (dangerNote) dangerNote.hidden = event.target.value !== "yes";
});

// A form sent back with errors: its summary of them first.
function focusErrors() {
    const summary = document.querySelector(".error-summary");
    summary?.focus();
    return Boolean(summary);
}
focusErrors();
