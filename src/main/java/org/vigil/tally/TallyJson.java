package org.vigil.tally;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.tally.CampaignCount.Figures;
import org.vigil.tally.CampaignCount.Group;

/** The public figures as JSON objects: the same names in the tally API and the live stream. */
public final class TallyJson {
  private TallyJson() {}

  /** The national figures and the number of cities with confirmed detentions. */
  public static Map<String, Object> total(CampaignCount count) {
    Map<String, Object> total = figures(count.total());
    total.put("cities", count.cityCount());
    return total;
  }

  /** One dimension's groups, each with key, label and figures. */
  public static List<Map<String, Object>> groups(CampaignCount count, PublicDimension by) {
    return count.by(by).stream().map(TallyJson::group).toList();
  }

  /** The fields of a group, in order: what the CSV's columns after campaign_id and by are. */
  static final List<String> GROUP_FIELDS =
      List.copyOf(group(new Group("", "", "", Figures.NONE)).keySet());

  static Map<String, Object> group(Group g) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("key", g.key());
    group.put("label", g.label());
    group.put("label_en", g.labelEn());
    group.putAll(figures(g.figures()));
    return group;
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("confirmed", f.confirmed());
    figures.put("unconfirmed", f.unconfirmed());
    figures.put("unnamed", f.unnamed());
    return figures;
  }
}
