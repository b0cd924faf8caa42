"""The editors' side of the admin: the dashboard's panels (pages awaiting review, translations to write or
update, images without alt text), the translation status report, and the content checks Wagtail runs on a
page's preview. Nothing here is seen by visitors."""
