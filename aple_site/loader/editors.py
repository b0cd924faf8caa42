"""Editor roles: 'Editors' create and edit pages and submit them for moderation, 'Moderators' publish.

Wagtail's own migrations create both groups; this makes sure they (still) have exactly the rights the
site relies on, and that every page goes through the 'Moderators approval' workflow. Case stories go through
'Story approval' instead: a moderator, then the 'Safeguarding' group, whose approval publishes the story."""

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
STORY_WORKFLOW_NAME = "Story approval"
SAFEGUARDING_GROUP = "Safeguarding"
SAFEGUARDING_TASK_NAME = "Safeguarding approval"
# On the case stories sections only: they review stories, and their approval publishes them.
SAFEGUARDING_PAGE_RIGHTS = ["change_page", "publish_page"]
# What the search box finds goes live without moderation: moderators keep the search synonyms and the editors'
# picks for key queries (Wagtail's promoted search results).
SEARCH_RIGHTS = {
    "aple_site": ["add_searchsynonym", "change_searchsynonym", "delete_searchsynonym", "view_searchsynonym"],
    "wagtailsearchpromotions": ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"],
}


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
    for app_label, codenames in SEARCH_RIGHTS.items():
        groups["Moderators"].permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    safeguarding, _ = Group.objects.get_or_create(name=SAFEGUARDING_GROUP)
    safeguarding.permissions.add(access_admin)
    for codename in ["choose_image", "change_image"]:  # to check an image's record of an identifiable child
        GroupCollectionPermission.objects.get_or_create(
            group=safeguarding, collection=root_collection, permission=Permission.objects.get(codename=codename)
        )
    groups[SAFEGUARDING_GROUP] = safeguarding
    # Editors must not publish: remove the right if someone granted it on the root.
    GroupPagePermission.objects.filter(group=groups["Editors"], permission__codename="publish_page").delete()
    return groups


def _approval_task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


def _active_workflow(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save()
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": order})
    return workflow


def ensure_moderation_workflow(moderators):
    """Every page change by an editor waits for a moderator's approval before it goes live."""
    workflow = _active_workflow(WORKFLOW_NAME, [_approval_task(WORKFLOW_NAME, moderators)])
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    return workflow


def ensure_story_workflow(story_sections):
    """Case stories (the pages under each of `story_sections`) need a moderator's approval, then the Safeguarding
    group's, which publishes them (stories/models.py: nobody publishes a story the workflow has not approved).
    The groups are ensure_editor_groups()'s."""
    moderators, safeguarding = Group.objects.get(name="Moderators"), Group.objects.get(name=SAFEGUARDING_GROUP)
    tasks = [_approval_task(WORKFLOW_NAME, moderators), _approval_task(SAFEGUARDING_TASK_NAME, safeguarding)]
    workflow = _active_workflow(STORY_WORKFLOW_NAME, tasks)
    for section in story_sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
        for codename in SAFEGUARDING_PAGE_RIGHTS:
            permission = Permission.objects.get(codename=codename, content_type__app_label="wagtailcore")
            GroupPagePermission.objects.get_or_create(group=safeguarding, page=section, permission=permission)
    return workflow
