package org.vigil.place;

/**
 * A populated place of Russia as GeoNames knows it.
 *
 * @param id GeoNames' id, as text ("524901" is Moscow); stable across GeoNames releases, so it is
 *     what a detention stores
 * @param nameRu the Russian name ("Москва")
 * @param nameEn GeoNames' own name, a romanisation or the English exonym ("Moscow", "Nizhniy
 *     Novgorod", "Ryazan’")
 * @param regionRu the federal subject, its name in the Constitution ("Московская область")
 * @param regionEn the federal subject in English ("Moscow Oblast")
 * @param latitude WGS 84 degrees
 * @param longitude WGS 84 degrees
 * @param population GeoNames' figure; 0 when GeoNames has none
 */
public record Place(
    String id,
    String nameRu,
    String nameEn,
    String regionRu,
    String regionEn,
    double latitude,
    double longitude,
    long population) {}
