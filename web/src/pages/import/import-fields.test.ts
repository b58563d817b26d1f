import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../../../worker/core/export/customers-csv";
import { proposeMapping } from "./import-fields";

describe("the mapping proposed for a file", () => {
  it("maps every column of the customers export that the import can take back", () => {
    const header = CSV_COLUMNS.map(([key]) => key);
    expect(proposeMapping("customers", header)).toEqual({
      kind: "kind",
      first_name: "firstName",
      last_name: "lastName",
      organization_name: "organizationName",
      mobile: "mobile",
      email: "email",
      national_code: "nationalCode",
      username: "username",
      gender: "gender",
      birthday: "birthday",
      province: "province",
      city: "city",
      postal_code: "postalCode",
      address: "address",
      tags: "tags",
      consent_sms: "consentSms",
      consent_email: "consentEmail",
    });
  });

  it("reads Persian headers, half-spaces and Arabic letter forms included", () => {
    expect(proposeMapping("customers", ["شماره موبایل", "نام", "کد‌پستی", "آدرس", "كد ملي"])).toEqual({
      "شماره موبایل": "mobile",
      "نام": "firstName",
      "کد‌پستی": "postalCode",
      "آدرس": "address",
      "كد ملي": "nationalCode",
    });
  });
});
