// The city on the customer form: once a province is chosen, a list of its main cities in the
// reader's language (stored by the Persian name, like the province), and "another city" that
// opens a text box, because cities are not a closed list. Without a listed province, a text box.
import { useState } from "preact/hooks";
import { SelectField, TextField } from "../../components/field";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { citiesOf, isListedCity } from "./cities";
import { customerFormMessages } from "./customer-form.messages";

/** The option that opens the text box; no city is called this. */
const ANOTHER_CITY = "\u0000another";

interface Props {
  province: string;
  value: string;
  onValue: (city: string) => void;
  error: string | undefined;
}

export function CityField({ province, value, onValue, error }: Props) {
  const t = useMessages(customerFormMessages);
  const { language } = useLanguage();
  // Chosen "another city" with nothing typed yet; a stored unlisted city opens the box by itself.
  const [anotherChosen, setAnotherChosen] = useState(false);
  const cities = citiesOf(province);
  if (!cities.length) {
    return <TextField label={t("city")} name="city" value={value} onValue={onValue} error={error} hint={province ? undefined : t("cityHint")} autoComplete="off" />;
  }
  const typing = anotherChosen || (value !== "" && !isListedCity(province, value));
  const options = [{ value: "", label: "—" }, ...cities.map((city) => ({ value: city.fa, label: city[language] })), { value: ANOTHER_CITY, label: t("anotherCity") }];
  return (
    <>
      <SelectField
        label={t("city")}
        name="citySelect"
        value={typing ? ANOTHER_CITY : value}
        onValue={(chosen) => {
          setAnotherChosen(chosen === ANOTHER_CITY);
          onValue(chosen === ANOTHER_CITY ? "" : chosen);
        }}
        options={options}
        error={typing ? undefined : error}
      />
      {typing && <TextField label={t("cityName")} name="city" value={value} onValue={onValue} error={error} autoComplete="off" />}
    </>
  );
}
