// The search box, the filters and the saved-segment picker above the customers list. On a phone
// the filters and segments sit behind a "Filters" button (a disclosure; wide screens show them
// always, the button is hidden there by CSS), and the applied filters show as removable chips.
import { useId, useRef, useState } from "preact/hooks";
import { Button } from "../../components/button";
import { SelectField, TextField } from "../../components/field";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { AppliedFilterChips } from "./applied-filter-chips";
import { NO_FILTERS, hasListFilters, segmentFilter, type CustomerFilters } from "./customer-filters";
import type { Segment } from "./customer-types";
import { STAGES, customerWords, wordFor } from "./customer-words.messages";
import { customersListMessages } from "./customers-list.messages";
import { SaveSegmentDialog } from "./save-segment-dialog";
import { useStaff } from "./use-staff";

interface Props {
  /** What the list shows (the address): the chips. */
  applied: CustomerFilters;
  draft: CustomerFilters;
  /** Text typed: follows after a pause. */
  onDraft: (next: CustomerFilters) => void;
  /** A choice made: applies at once. */
  onApply: (next: CustomerFilters) => void;
  segments: Segment[];
  onSegmentSaved: (segment: Segment) => void;
}

export function CustomerFilterBar({ applied, draft, onDraft, onApply, segments, onSegmentSaved }: Props) {
  const t = useMessages(customersListMessages);
  const w = useMessages(customerWords);
  const { me, can } = useSession();
  const { staff, nameOf } = useStaff();
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLFormElement>(null);
  const inSegment = Boolean(draft.segment);
  const set = (key: keyof CustomerFilters) => (value: string) => onDraft({ ...draft, [key]: value });
  const choose = (key: keyof CustomerFilters) => (value: string) => onApply({ ...draft, [key]: value });

  const ownerOptions = [
    { value: "", label: t("anyOwner") },
    ...staff.map((member) => ({ value: member.id, label: member.id === me?.user.id ? t("me", { name: member.name }) : member.name })),
  ];
  // A link to another owner's customers keeps its owner choosable even without the staff list.
  if (draft.owner && !ownerOptions.some((option) => option.value === draft.owner)) ownerOptions.push({ value: draft.owner, label: draft.owner });

  return (
    <div class="customer-filters">
      <form
        ref={searchBox}
        role="search"
        class="customer-filters__search"
        onSubmit={(event) => {
          event.preventDefault();
          onApply(draft);
        }}
      >
        <fieldset class="customers-plain-fieldset" disabled={inSegment}>
          <TextField label={t("search")} type="search" name="q" value={draft.q} onValue={set("q")} hint={t("searchHint")} autoComplete="off" />
        </fieldset>
      </form>
      <button type="button" ref={toggle} class="button button--secondary customer-filters__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t("filters")}
      </button>
      <div
        id={panelId}
        class={open ? "customer-filters__panel customer-filters__panel--open" : "customer-filters__panel"}
        onKeyDown={(event) => {
          // Escape closes the phone's panel and gives focus back to the button that opened it.
          if (event.key !== "Escape" || !open || !isShown(toggle.current)) return;
          event.preventDefault();
          setOpen(false);
          toggle.current?.focus();
        }}
      >
        <fieldset class="customer-filters__fields" disabled={inSegment}>
          <legend class="visually-hidden">{t("filters")}</legend>
          <SelectField
            label={t("stage")}
            name="stage"
            value={draft.stage}
            onValue={choose("stage")}
            options={[{ value: "", label: t("anyStage") }, ...STAGES.map((stage) => ({ value: stage, label: wordFor(w, "stage", stage) }))]}
          />
          <TextField label={t("tag")} name="tag" value={draft.tag} onValue={set("tag")} autoComplete="off" />
          <TextField label={t("city")} name="city" value={draft.city} onValue={set("city")} autoComplete="off" />
          <SelectField label={t("owner")} name="owner" value={draft.owner} onValue={choose("owner")} options={ownerOptions} />
        </fieldset>
        <div class="customer-filters__segments">
          <SelectField
            label={t("segment")}
            name="segment"
            value={draft.segment}
            onValue={(segment) => onApply({ ...draft, segment })}
            options={[{ value: "", label: t("allCustomers") }, ...segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
          />
          <div class="customer-filters__buttons">
            {inSegment ? (
              <Button onClick={() => onApply({ ...draft, segment: "" })}>{t("showAll")}</Button>
            ) : (
              <>
                {hasListFilters(draft) && <Button onClick={() => onApply(NO_FILTERS)}>{t("clearFilters")}</Button>}
                {/* Offered once there is something a segment can hold: a stage, a tag or a city. */}
                {can("segments:manage") && segmentFilter(draft) !== null && <Button onClick={() => setSaving(true)}>{t("saveSegment")}</Button>}
              </>
            )}
          </div>
        </div>
      </div>
      {!applied.segment && (
        <AppliedFilterChips
          applied={applied}
          draft={draft}
          onApply={onApply}
          ownerName={nameOf}
          // The last chip gone: back to the Filters button on a phone, else to the search box.
          onNoChipsLeft={() => (isShown(toggle.current) ? toggle.current!.focus() : searchBox.current?.querySelector("input")?.focus())}
        />
      )}
      <SaveSegmentDialog
        open={saving}
        filters={draft}
        onClose={() => setSaving(false)}
        onSaved={(segment) => {
          setSaving(false);
          onSegmentSaved(segment);
        }}
      />
    </div>
  );
}

/** Whether an element is laid out (the Filters button is display:none on wide screens). */
const isShown = (element: HTMLElement | null) => Boolean(element && element.getClientRects().length > 0);
