"""{% consent_gate "group" link="…" link_text="…" %}…{% endconsent_gate %}: markup that loads only after
the visitor accepts a cookie group.

The gated markup is shipped inert inside a <template>, with a placeholder (a plain link and a button to
consent) in front of it; static/js/consent.js swaps it in for visitors who accepted the group. The HTML
is the same for every visitor, so pages stay cacheable and the choice stays per visitor."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext

from ..caching.version import cached

register = template.Library()


def _group_texts():
    from ..consent.models import CookieGroupText

    return {
        (t.group_id, t.language): {"name": t.name, "description": t.description} for t in CookieGroupText.objects.all()
    }


@register.filter
def group_text(group, name):
    """{{ group|group_text:"description" }}: a cookie group's name or description in the visitor's language
    (models.CookieGroupText), else its English wording through the catalogue. One cached query per content version."""
    language = get_language()
    english = getattr(group, name)
    if language == settings.LANGUAGE_CODE:
        return english
    own = cached("cookie-group-texts", _group_texts).get((group.pk, language), {}).get(name)
    return own or gettext(english)


class ConsentGateNode(template.Node):
    def __init__(self, group, nodelist, kwargs):
        self.group, self.nodelist, self.kwargs = group, nodelist, kwargs

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.kwargs.items()}
        return render_to_string(
            "components/consent_gate.html",
            {
                "group": self.group.resolve(context),
                "gated": self.nodelist.render(context),
                "link": values.get("link", ""),
                "link_text": values.get("link_text", ""),
                "what": values.get("what") or gettext("This content"),
            },
        )


@register.tag("consent_gate")
def consent_gate(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "consent_gate needs a cookie group, e.g. {% consent_gate 'external-media' %}"
        )
    group = parser.compile_filter(bits[1])
    kwargs = template.base.token_kwargs(bits[2:], parser)
    nodelist = parser.parse(("endconsent_gate",))
    parser.delete_first_token()
    return ConsentGateNode(group, nodelist, kwargs)
