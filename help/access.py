"""Who reads what the public forms send: the Hotline group, and the Hotline leads for the audit log.

Membership decides, not only permissions: a superuser outside the Hotline group does not read reports (Django
gives superusers every permission, so each check here asks for the group by name as well)."""

HOTLINE_GROUP = "Hotline"
HOTLINE_LEADS_GROUP = "Hotline leads"
# What the Hotline group may do with reports and messages: read them, work a report (status, assignment, notes,
# a message back to the reporter), and delete them. Nobody adds one in the admin.
HOTLINE_RIGHTS = [
    "view_report",
    "change_report",
    "delete_report",
    "view_contactmessage",
    "delete_contactmessage",
]
HOTLINE_LEAD_RIGHTS = ["view_auditentry"]


def in_group(user, name):
    if not user.is_authenticated or not user.is_active:
        return False
    names = getattr(user, "_aple_group_names", None)
    if names is None:  # asked several times per admin page: read once per request's user
        names = user._aple_group_names = set(user.groups.values_list("name", flat=True))
    return name in names


def hotline_members():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=HOTLINE_GROUP, is_active=True).order_by("username")


def ensure_hotline_groups():
    """Create or repair the two groups (load_initial_data runs this through help/seed/): the Hotline reads and works
    reports and messages, its leads also read the audit log; no other group keeps either right."""
    from django.contrib.auth.models import Group, Permission

    rights = Permission.objects.filter(content_type__app_label="help")
    access_admin = Permission.objects.get(codename="access_admin")
    for name, codenames in ((HOTLINE_GROUP, HOTLINE_RIGHTS), (HOTLINE_LEADS_GROUP, HOTLINE_LEAD_RIGHTS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *rights.filter(codename__in=codenames))
    # Nobody else reads reports or messages, or the audit log: remove the rights from any group given them.
    for group in Group.objects.exclude(name=HOTLINE_GROUP):
        group.permissions.remove(*rights.filter(codename__regex=r"_(report|contactmessage|reportnote)$"))
    for group in Group.objects.exclude(name=HOTLINE_LEADS_GROUP):
        group.permissions.remove(*rights.filter(codename__endswith="_auditentry"))
