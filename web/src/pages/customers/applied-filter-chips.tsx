// The list's applied filters as chips ("Stage: Lapsed ×"), each removable by click or keyboard,
// with "Clear all" once there are two. Removing a chip moves focus to the next chip, or to
// `onNoChipsLeft` when none is left, so keyboard users are not dropped at the top of the page.
import { useEffect, useRef } from "preact/hooks";
import { Button } from "../../components/button";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { appliedChips, withoutChips, type ChipFilter, type CustomerFilters } from "./customer-filters";
import { customerWords, wordFor } from "./customer-words.messages";
import { customersListMessages } from "./customers-list.messages";

interface Props {
  applied: CustomerFilters;
  draft: CustomerFilters;
  onApply: (next: CustomerFilters) => void;
  ownerName: (id: string) => string | undefined;
  /** Where focus goes once the last chip is removed. */
  onNoChipsLeft: () => void;
}

export function AppliedFilterChips({ applied, draft, onApply, ownerName, onNoChipsLeft }: Props) {
  const t = useMessages(customersListMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const list = useRef<HTMLUListElement>(null);
  // The index of the chip removed by the user, until the list is drawn without it.
  const focusAfterRemoval = useRef<number | null>(null);
  const chips = appliedChips(applied);

  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button[data-chip]");
    if (buttons && buttons.length > 0) buttons[Math.min(index, buttons.length - 1)]!.focus();
    else onNoChipsLeft();
  }, [chips.join(" ")]);

  if (chips.length === 0) return null;

  const valueOf = (key: ChipFilter) => {
    const value = applied[key].trim();
    if (key === "stage") return wordFor(w, "stage", value);
    if (key === "owner") return f.digits(ownerName(value) ?? value);
    return f.digits(value);
  };
  const remove = (keys: readonly ChipFilter[], index: number) => {
    focusAfterRemoval.current = index;
    onApply(withoutChips(draft, keys));
  };

  return (
    <div class="filter-chips">
      <ul ref={list} class="filter-chips__list" aria-label={t("appliedFilters")}>
        {chips.map((key, index) => {
          const label = t("filterChip", { name: t(key), value: valueOf(key) });
          return (
            <li key={key}>
              <button type="button" class="filter-chip" data-chip={key} aria-label={t("removeFilter", { filter: label })} onClick={() => remove([key], index)}>
                <span>{label}</span>
                <span class="filter-chip__x" aria-hidden="true">
                  ×
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {chips.length > 1 && (
        <Button small variant="ghost" onClick={() => remove(chips, 0)}>
          {t("clearAllFilters")}
        </Button>
      )}
    </div>
  );
}
