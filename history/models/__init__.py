"""The organisation's story: the timeline of events, the partners APLE works with, and its MoUs."""

from .events import HistoryIndexPage, TimelineEventPage
from .mous import MoUIndexPage, MoUPage
from .partners import PartnerIndexPage, PartnerPage

__all__ = ["HistoryIndexPage", "TimelineEventPage", "PartnerIndexPage", "PartnerPage", "MoUIndexPage", "MoUPage"]
