package org.workspaceportal.workspace.api;

import java.time.Instant;
import java.util.List;
import org.workspaceportal.workspace.MoveOffer;

/**
 * What moving an UNREACHABLE workspace would do, for a script to show before it confirms.
 *
 * @param silentHosts the hosts of its cluster that do not answer
 * @param notebookLost whether the notebook is on one of them (then its notebooks come back from
 *     {@code lastSavedAt}; else they are saved first, as for a stop)
 * @param lastSavedAt when the files of the notebooks' last save were read; null if never
 * @param consequence the same in words
 */
record MoveOfferResponse(
    List<String> silentHosts, boolean notebookLost, Instant lastSavedAt, String consequence) {

  static MoveOfferResponse of(MoveOffer offer) {
    return new MoveOfferResponse(
        offer.silentHosts(), offer.notebookLost(), offer.lastSavedAt(), offer.consequence());
  }
}
