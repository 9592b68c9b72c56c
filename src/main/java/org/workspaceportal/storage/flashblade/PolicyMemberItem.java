package org.workspaceportal.storage.flashblade;

/**
 * One user holding one access policy, as {@code GET
 * /object-store-access-policies/object-store-users} lists it.
 */
record PolicyMemberItem(NamedRef member, NamedRef policy) {}
