// Cookie consent in the browser, on top of django-cookie-consent's cookiebar module.
// Shows the banner only while a cookie group is undecided, and runs optional things (analytics,
// external media) only for groups the visitor accepted. Without JavaScript nothing optional runs and
// the footer's "Cookie settings" link leads to the same choices as a plain form.

const config = JSON.parse(document.getElementById("consent-config").textContent);
const { showCookieBar, FetchClient } = await import(config.cookiebarModule);
const BAR_TEMPLATE = "#cookie-consent__cookie-bar";
const GROUPS_SELECTOR = "#cookie-consent__cookie-groups";
const allGroups = JSON.parse(document.querySelector(GROUPS_SELECTOR).textContent);
const active = new Set();

function loadAnalytics() {
    if (!config.analytics) return; // no analytics configured: nothing to load, ever
    const base = config.analytics.url.replace(/[^/]*$/, "");
    window._paq = window._paq || [];
    window._paq.push(["setTrackerUrl", base + "matomo.php"], ["setSiteId", config.analytics.siteId]);
    window._paq.push(["trackPageView"], ["enableLinkTracking"]);
    const script = document.createElement("script");
    script.async = true;
    script.src = config.analytics.url;
    script.dataset.consentGroup = "analytics";
    document.head.append(script);
}

function revealGated(varname) {
    for (const gate of document.querySelectorAll(`[data-consent-group="${varname}"]`)) {
        const template = gate.querySelector("template");
        if (!template) continue;
        gate.replaceChildren(template.content.cloneNode(true));
        gate.classList.add("consent-gate--loaded");
    }
}

function activate(groups) {
    for (const { varname } of groups) {
        if (active.has(varname)) continue;
        active.add(varname);
        if (varname === "analytics") loadAnalytics();
        revealGated(varname);
    }
}

// Cookies set in the browser (Matomo's carry a suffix: _pk_id.1.abcd) are removed here; the server
// removes the rest on the next response.
function removeCookies(groups) {
    const names = document.cookie.split(";").map((pair) => pair.split("=")[0].trim()).filter(Boolean);
    for (const { varname } of groups) {
        for (const prefix of config.groupCookies[varname] || []) {
            for (const name of names.filter((n) => n === prefix || n.startsWith(prefix + "."))) {
                document.cookie = `${name}=; Max-Age=0; path=/`;
                document.cookie = `${name}=; Max-Age=0; path=/; domain=${location.hostname}`;
            }
        }
    }
}

function closeBanner(banner) {
    banner.remove();
    document.getElementById("main").focus(); // continue where the content starts
}

async function save(accepted, declined) {
    const client = new FetchClient(config.statusUrl, "X-CSRFToken");
    if (accepted.length) await client.saveCookiesStatusBackend("acceptUrl", accepted);
    if (declined.length) await client.saveCookiesStatusBackend("declineUrl", declined);
    const withdrawn = declined.filter((g) => active.has(g.varname));
    removeCookies(declined);
    activate(accepted);
    // A script that already ran cannot be unloaded: start the page afresh without it.
    if (withdrawn.length) location.reload();
}

function wireChoices(banner, { ownAcceptDecline }) {
    const form = banner.querySelector("[data-cookie-choices]");
    const choose = banner.querySelector("[data-cookie-choose]");
    choose.addEventListener("click", () => {
        const opening = form.hidden;
        form.hidden = !opening;
        choose.setAttribute("aria-expanded", String(opening));
        if (opening) form.querySelector("input:not([disabled])")?.focus();
    });
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const chosen = new Set(new FormData(form).getAll("cookie_groups"));
        closeBanner(banner);
        await save(allGroups.filter((g) => chosen.has(g.varname)), allGroups.filter((g) => !chosen.has(g.varname)));
    });
    if (!ownAcceptDecline) return;
    for (const [selector, accept] of [[".cookie-consent__accept", true], [".cookie-consent__decline", false]]) {
        banner.querySelector(selector).addEventListener("click", async () => {
            closeBanner(banner);
            await save(accept ? allGroups : [], accept ? [] : allGroups);
        });
    }
}

// "Cookie settings" (footer, policy page): reopen the choices on the page itself.
// If the status request fails, the link does what it does without JavaScript: open the preferences page.
async function reopen(event) {
    event.preventDefault();
    const link = event.currentTarget;
    let status;
    try {
        status = await new FetchClient(config.statusUrl, "X-CSRFToken").getCookieStatus();
        if (!Array.isArray(status?.acceptedCookieGroups)) throw new Error("unexpected cookie status");
    } catch {
        location.assign(link.href);
        return;
    }
    document.querySelector("[data-cookie-banner]")?.remove();
    const banner = document.querySelector(BAR_TEMPLATE).content.firstElementChild.cloneNode(true);
    for (const input of banner.querySelectorAll("input[name=cookie_groups]")) {
        input.checked = status.acceptedCookieGroups.includes(input.value);
    }
    wireChoices(banner, { ownAcceptDecline: true });
    document.querySelector(".site-header").before(banner);
    banner.querySelector("[data-cookie-choose]").click(); // open with the switches showing
}

for (const link of document.querySelectorAll("[data-cookie-settings]")) link.addEventListener("click", reopen);

for (const button of document.querySelectorAll("[data-consent-accept]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
        const group = allGroups.find((g) => g.varname === button.dataset.consentAccept);
        if (group) await save([group], []);
    });
}

// Not on the help pages (config.askForConsent): they set no optional cookie, and the banner would cover the
// hotline and the report form. The footer's "Cookie settings" still opens the choices there.
if (config.askForConsent) showCookieBar({
    statusUrl: config.statusUrl,
    templateSelector: BAR_TEMPLATE,
    cookieGroupsSelector: GROUPS_SELECTOR,
    insertBefore: ".site-header",
    csrfHeaderName: "X-CSRFToken",
    onShow: () => {
        const banner = document.querySelector("[data-cookie-banner]");
        wireChoices(banner, { ownAcceptDecline: false });
        for (const button of banner.querySelectorAll(".cookie-consent__accept, .cookie-consent__decline")) {
            button.addEventListener("click", () => document.getElementById("main").focus());
        }
    },
    onAccept: (groups) => activate(groups),
    onDecline: (groups, event) => { if (event) removeCookies(groups); },
});
