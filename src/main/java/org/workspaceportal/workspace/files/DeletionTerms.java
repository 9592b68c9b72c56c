package org.workspaceportal.workspace.files;

import org.workspaceportal.storage.Retention;

/**
 * What deleting a workspace does to its cluster, its notebooks and its data, in plain words, for
 * its delete page and its REST twin alike (one wording, one place). It follows the retention chosen
 * on the request; the notebooks follow the bucket, which holds them ({@value
 * FilesProperties#PREFIX}).
 *
 * @param cluster what becomes of the Spark cluster; null for a workspace without one
 * @param notebooks what becomes of the notebook files; null for a workspace without a notebook
 * @param data what becomes of the bucket (and the datahub)
 */
public record DeletionTerms(String cluster, String notebooks, String data) {

  public static DeletionTerms of(Retention retention, boolean cluster, boolean datahub) {
    String where = "its bucket" + (datahub ? " and its datahub" : "");
    String bucketPath = "the folder " + FilesProperties.PREFIX + " of the bucket";
    String clusterWords =
        cluster
            ? "The Spark cluster stops at once: its containers are removed and its cores, memory"
                + " and ports go back to the hosts."
            : null;
    return switch (retention) {
      case KEEP ->
          new DeletionTerms(
              clusterWords,
              cluster
                  ? "The notebooks (everything in Jupyter's folder) are saved one last time to "
                      + bucketPath
                      + " and stay there with the data."
                  : null,
              "The data in "
                  + where
                  + " is kept as it is. The access key is deleted: a storage admin can give you a"
                  + " new one to read it, notebooks included.");
      case DESTROY ->
          new DeletionTerms(
              clusterWords,
              cluster
                  ? "The notebooks are saved one last time to "
                      + bucketPath
                      + " and destroyed with it."
                  : null,
              "The data in "
                  + where
                  + " is destroyed, but a storage admin can recover it (the notebooks too) until the"
                  + " array erases it for good (FlashBlade: 24 hours by default).");
      case ERADICATE ->
          new DeletionTerms(
              clusterWords,
              cluster
                  ? "The notebooks are not saved and are erased for good with the cluster:"
                      + " download what you need from Jupyter first."
                  : null,
              "The data in " + where + " is erased at once, for good: nobody can bring it back.");
    };
  }
}
