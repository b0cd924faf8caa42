"""The search synonyms in the admin (Settings → Search synonyms), next to Wagtail's promoted search results."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    list_display = ["term", "means"]
    search_fields = ["term", "means"]
