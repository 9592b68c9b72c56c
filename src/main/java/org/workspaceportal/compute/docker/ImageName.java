package org.workspaceportal.compute.docker;

/**
 * An image reference split into repository and tag: {@code 127.0.0.1:5000/team/spark:4.0} is
 * repository {@code 127.0.0.1:5000/team/spark}, tag {@code 4.0}; no tag means {@code latest}.
 */
record ImageName(String repository, String tag) {

  static ImageName parse(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return new ImageName(image.substring(0, at), image.substring(at + 1));
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon > slash) {
      return new ImageName(image.substring(0, colon), image.substring(colon + 1));
    }
    return new ImageName(image, "latest");
  }
}
