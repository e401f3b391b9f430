package org.vigil.cases;

/** What the appeal court did with the ruling. */
public enum AppealOutcome {
  /** Оставлено в силе. */
  UPHELD,
  /** Изменено: e.g. the arrest replaced by a fine, or the fine lowered. */
  CHANGED,
  /** Отменено: the case dismissed or sent back. */
  OVERTURNED
}
