package org.vigil.station;

import java.util.List;

/**
 * A police station, one entity however its name was spelt.
 *
 * @param key stable identity within the directory: region and the normalised name form
 * @param name the name OVD-Info's map layer gives it, else the first spelling seen
 * @param variants every spelling of it in the tables (trimmed), and the layer's name
 * @param location from the map layer, null for stations the layer does not list
 * @param events events whose cell names this station
 * @param detentions detainees the cells put there: the whole count of events naming only this
 *     station, plus the counts given for it in cells naming several
 */
public record Station(
    String key,
    String region,
    String name,
    List<String> variants,
    Location location,
    long events,
    long detentions) {

  public Station {
    variants = List.copyOf(variants);
  }
}
