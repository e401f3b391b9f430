package org.vigil.station;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.vigil.opendata.CsvCells;

/** One row of OVD-Info's police-station map layer (`2013/geo/ovds.csv`). */
record LayerEntry(String name, double lat, double lon, String address, long value) {

  /**
   * Reads the layer by its header: `id,Name,lon,lat,Address,value` (OVD-Info) or Vigil's export of
   * police stations; stations without coordinates are left out.
   */
  static List<LayerEntry> read(Path file) throws IOException {
    List<LayerEntry> entries = new ArrayList<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Iterator<CsvRecord> records = csv.iterator();
      List<String> header =
          records.next().getFields().stream()
              .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
              .toList();
      // Vigil's own export calls the count `detentions` and lists stations not yet located
      int value = header.contains("value") ? header.indexOf("value") : header.indexOf("detentions");
      while (records.hasNext()) {
        List<String> cells = records.next().getFields();
        String lat = cells.get(header.indexOf("lat")).strip();
        String lon = cells.get(header.indexOf("lon")).strip();
        if (lat.isEmpty() || lon.isEmpty()) {
          continue;
        }
        entries.add(
            new LayerEntry(
                CsvCells.read(cells.get(header.indexOf("name")).strip()),
                Double.parseDouble(lat),
                Double.parseDouble(lon),
                CsvCells.read(cells.get(header.indexOf("address")).strip()),
                Long.parseLong(cells.get(value).strip())));
      }
    }
    return entries;
  }
}
