package org.vigil.station;

/**
 * Where a station is, from OVD-Info's map layer, with the detentions the layer shows for it.
 *
 * @param publishedDetentions the layer's `value`: detainees delivered there as OVD-Info counted
 *     them (summed where the layer lists a station twice, as it does `76 ОП` and `28 ОП`)
 */
public record Location(double lat, double lon, String address, long publishedDetentions) {}
