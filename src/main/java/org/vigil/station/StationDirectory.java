package org.vigil.station;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The police stations named in imported events, their name variants merged into one station each,
 * with locations and addresses from OVD-Info's map layer. Built from the raw cells, which stay with
 * the events: a coordinator's later merge or split reads them again.
 */
public final class StationDirectory {
  private static final int REMEMBERED = 50_000;

  private final Map<String, Draft> stations;
  private final List<Discrepancy> discrepancies;
  private final List<NonStationMention> nonStations;

  private StationDirectory(Builder builder) {
    this.stations = builder.stations;
    this.discrepancies = List.copyOf(builder.discrepancies);
    this.nonStations = List.copyOf(builder.nonStations);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every station, the map layer's first and then in order of first mention. */
  public List<Station> stations() {
    return stations.values().stream().map(Draft::station).toList();
  }

  /** The station a name written in a cell of {@code region} means, if any. */
  public Optional<Station> find(String region, String name) {
    return StationCell.parse(name, region).mentions().stream()
        .findFirst()
        .map(mention -> match(stations, region, StationNames.form(mention.name())))
        .map(Draft::station);
  }

  public List<Discrepancy> discrepancies() {
    return discrepancies;
  }

  public List<NonStationMention> nonStations() {
    return nonStations;
  }

  /** The directory's stations with no location: candidates for the coordinator to locate. */
  public List<Station> unlocated() {
    return stations().stream().filter(s -> s.location() == null).toList();
  }

  private static Draft match(Map<String, Draft> stations, String region, String form) {
    Draft exact = stations.get(key(region, form));
    if (exact != null) {
      return exact;
    }
    return stations.values().stream()
        .filter(d -> d.region.equals(region) && StationNames.close(d.form, form))
        .min(Comparator.comparingInt(d -> StationNames.distance(d.form, form)))
        .orElse(null);
  }

  private static String key(String region, String form) {
    return region + ":" + form;
  }

  /** Collects the layer and the events' cells; stations form as cells are added. */
  public static final class Builder {
    private final Map<String, Draft> stations = new LinkedHashMap<>();
    private final List<Discrepancy> discrepancies = new ArrayList<>();
    private final List<NonStationMention> nonStations = new ArrayList<>();

    /**
     * The same cells and names recur all through a table (`ОВД Тверское` on hundreds of rows), and
     * reading them is most of the directory's work; remembered up to a bound, as a huge table could
     * have as many distinct cells as rows.
     */
    private final Map<String, StationCell> readCells = new HashMap<>();

    private final Map<String, Draft> resolvedNames = new HashMap<>();

    /** Coordinators' decisions, by the key of the name they are about. */
    private final Map<String, String> mergedInto = new HashMap<>();

    private final Set<String> mergeTargets = new HashSet<>();
    private final Set<String> separated = new HashSet<>();
    private boolean built;

    private Builder() {}

    /**
     * A coordinator's merge: in {@code region}, the name {@code name} means the station {@code
     * into} names, whatever the names look like. Decisions are kept by storage and replayed, before
     * the cells, whenever the directory is rebuilt from the raw cells.
     */
    public Builder merge(String region, String name, String into) {
      String from = key(region, StationNames.form(name));
      String target = key(region, StationNames.form(into));
      if (from.equals(target) || mergedInto.containsKey(target) || mergeTargets.contains(from)) {
        throw new IllegalArgumentException("merges must not chain: " + name + " -> " + into);
      }
      decide();
      mergedInto.put(from, into);
      mergeTargets.add(target);
      return this;
    }

    /**
     * A coordinator's split: in {@code region}, {@code name} is a station of its own, not a
     * spelling of a similar name it would otherwise be merged with.
     */
    public Builder separate(String region, String name) {
      decide();
      separated.add(key(region, StationNames.form(name)));
      return this;
    }

    /** Names already resolved would not see a decision: decisions come before the cells. */
    private void decide() {
      if (!resolvedNames.isEmpty() || built) {
        throw new IllegalStateException("decisions must come before the cells are added");
      }
    }

    /**
     * Seeds the directory with OVD-Info's map layer: its names are the curated ones that spelling
     * variants merge into. Stations far from every known region are left out.
     */
    public Builder layer(Path ovdsCsv) throws IOException {
      for (LayerEntry entry : LayerEntry.read(ovdsCsv)) {
        String region = Regions.nearest(entry.lat(), entry.lon());
        if (region != null) {
          String form = StationNames.form(entry.name());
          Draft draft =
              stations.computeIfAbsent(
                  key(region, form), k -> new Draft(k, region, form, entry.name()));
          draft.locate(entry);
        }
      }
      return this;
    }

    /**
     * Adds one event's police-station cell.
     *
     * @param detentions the event's count, which the cell's counts are checked against
     */
    public Builder event(String eventKey, String region, String cell, int detentions) {
      place(eventKey, region, cell, detentions);
      return this;
    }

    /**
     * Adds one event's police-station cell and says where it puts the event's detainees, so that
     * storage can keep each mention with its station.
     */
    public PlacedCell place(String eventKey, String region, String cell, int detentions) {
      if (built) {
        throw new IllegalStateException("the directory is built; start a new builder");
      }
      if (cell == null || cell.isBlank()) {
        return PlacedCell.EMPTY;
      }
      StationCell read =
          remembered(readCells, region + '\u0000' + cell, () -> StationCell.parse(cell, region));
      Attribution attribution = read.attribution(detentions);
      if (attribution == Attribution.MISMATCH) {
        discrepancies.add(
            new Discrepancy(eventKey, cell, detentions, read.statedCount(), read.saysMismatch()));
      }
      List<Placement> placements = new ArrayList<>(read.mentions().size());
      Set<Draft> named = new HashSet<>();
      for (StationMention mention : read.mentions()) {
        Integer count =
            attribution == Attribution.SINGLE
                ? Integer.valueOf(detentions)
                : mention.count().isPresent() ? Integer.valueOf(mention.count().getAsInt()) : null;
        if (!mention.isStation()) {
          nonStations.add(new NonStationMention(eventKey, mention));
          placements.add(new Placement(mention.rawText(), mention.nonStation(), null, count));
          continue;
        }
        Draft station =
            remembered(
                resolvedNames,
                region + '\u0000' + mention.name(),
                () -> resolve(region, mention.name()));
        station.variants.add(mention.name());
        named.add(station);
        station.detentions += count == null ? 0 : count;
        placements.add(new Placement(mention.rawText(), null, station.key, count));
      }
      named.forEach(station -> station.events++);
      return new PlacedCell(placements, attribution == Attribution.MISMATCH);
    }

    /** The station with this key as it stands now (its name and location no longer change). */
    public Station station(String key) {
      return stations.get(key).station();
    }

    private Draft resolve(String region, String name) {
      String form = StationNames.form(name);
      String into = mergedInto.get(key(region, form));
      if (into != null) {
        return resolve(region, into);
      }
      Draft known =
          separated.contains(key(region, form))
              ? stations.get(key(region, form))
              : match(stations, region, form);
      if (known != null) {
        return known;
      }
      Draft created = new Draft(key(region, form), region, form, name);
      stations.put(created.key, created);
      return created;
    }

    private static <T> T remembered(Map<String, T> memory, String key, Supplier<T> compute) {
      T known = memory.get(key);
      if (known != null) {
        return known;
      }
      T computed = compute.get();
      if (memory.size() < REMEMBERED) {
        memory.put(key, computed);
      }
      return computed;
    }

    /** The directory; this builder is spent, as the directory shares its stations. */
    public StationDirectory build() {
      built = true;
      return new StationDirectory(this);
    }
  }

  /** A station while the directory is being built. */
  private static final class Draft {
    final String key;
    final String region;
    final String form;
    final String name;
    final Set<String> variants = new LinkedHashSet<>();
    Location location;
    long events;
    long detentions;

    Draft(String key, String region, String form, String name) {
      this.key = key;
      this.region = region;
      this.form = form;
      this.name = name;
      variants.add(name);
    }

    /** The layer lists some stations twice, each time with part of their detainees. */
    void locate(LayerEntry entry) {
      long published = entry.value() + (location == null ? 0 : location.publishedDetentions());
      location = new Location(entry.lat(), entry.lon(), entry.address(), published);
    }

    Station station() {
      return new Station(
          key, region, name, new ArrayList<>(variants), location, events, detentions);
    }
  }
}
