"""Editor roles: 'Editors' create and edit pages and submit them for moderation, 'Moderators' publish.

Wagtail's own migrations create both groups; this makes sure they (still) have exactly the rights the
site relies on, and that every page goes through the 'Moderators approval' workflow."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

PAGE_RIGHTS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MEDIA_RIGHTS = ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"]
# Moderators may also delete any image or document; editors only their own uploads, and never one a live page
# shows (aple_site/images/permissions.py).
MODERATOR_MEDIA_RIGHTS = [*MEDIA_RIGHTS, "delete_image", "delete_document"]
WORKFLOW_NAME = "Moderators approval"
# The people who answer the hotline: they alone read (and may delete) the reports and contact messages sent with
# the online forms (a message may tell of a child at risk too).
HOTLINE_GROUP = "Hotline"
HOTLINE_RIGHTS = ["view_report", "delete_report", "view_contactmessage", "delete_contactmessage"]


def ensure_editor_groups():
    """Create or repair the two groups; returns them as a dict by name."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = Permission.objects.get(codename="access_admin")
    # "Translate" in the page menu (wagtail.contrib.simple_translation): both roles translate pages.
    translate = Permission.objects.get(codename="submit_translation", content_type__app_label="simple_translation")
    groups = {}
    for name, codenames in PAGE_RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, translate)
        for codename in codenames:
            permission = Permission.objects.get(codename=codename, content_type__app_label="wagtailcore")
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        for codename in MODERATOR_MEDIA_RIGHTS if name == "Moderators" else MEDIA_RIGHTS:
            permission = Permission.objects.get(codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    hotline, _ = Group.objects.get_or_create(name=HOTLINE_GROUP)
    hotline.permissions.add(
        access_admin, *Permission.objects.filter(content_type__app_label="help", codename__in=HOTLINE_RIGHTS)
    )
    groups[HOTLINE_GROUP] = hotline
    # Nobody else reads reports or messages: remove the rights from any other group that was given them.
    for group in Group.objects.exclude(name=HOTLINE_GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="help", codename__regex=r"_(report|contactmessage)$")
        )
    # Editors must not publish: remove the right if someone granted it on the root.
    GroupPagePermission.objects.filter(group=groups["Editors"], permission__codename="publish_page").delete()
    return groups


def ensure_moderation_workflow(moderators):
    """Every page change by an editor waits for a moderator's approval before it goes live."""
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    return workflow
