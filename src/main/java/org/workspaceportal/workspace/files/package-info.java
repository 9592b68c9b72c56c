/**
 * A workspace's notebook files kept in its own bucket: saved when it stops, when it is deleted
 * (unless its bucket is eradicated) and every few minutes while it runs; restored before its
 * notebook starts again, wherever the cluster is placed then.
 */
package org.workspaceportal.workspace.files;
