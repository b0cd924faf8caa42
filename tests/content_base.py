"""A site with the three content sections, for the history, offices and programs tests."""

from history.factories import HistoryIndexPageFactory, MoUIndexPageFactory, PartnerIndexPageFactory
from offices.factories import OfficeIndexPageFactory
from programs.factories import ProgramIndexPageFactory, StrategyPageFactory
from tests.base import SiteTestCase


class ContentTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.history = HistoryIndexPageFactory(parent=cls.home)
        cls.partner_index = PartnerIndexPageFactory(parent=cls.home)
        cls.mou_index = MoUIndexPageFactory(parent=cls.home)
        cls.office_index = OfficeIndexPageFactory(parent=cls.home)
        cls.program_index = ProgramIndexPageFactory(parent=cls.home)
        cls.strategy = StrategyPageFactory(parent=cls.program_index, slug="strategy")

    def queries_for(self, url):
        """How many SQL queries a warm request for `url` runs."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        # Twice: the first request may create the site's settings row, which invalidates the cache.
        self.client.get(url)
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)
