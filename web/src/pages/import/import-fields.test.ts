import { describe, expect, it } from "vitest";
import { proposeMapping } from "./import-fields";

describe("the mapping proposed for a file", () => {
  it("maps every column of the customers export that the import can take back", () => {
    // The header of GET /api/export/customers.csv without ?lang (worker/core/export/customers-csv.ts).
    const header = ("code,cid,kind,first_name,last_name,organization_name,display_name,mobile,email,national_code,username,other_identifiers,gender,birthday," +
      "province,city,postal_code,address,tags,consent_sms,consent_sms_at,consent_email,consent_email_at,owner,first_order_at,last_order_at,order_count," +
      "total_spent,average_order_value,lifecycle_stage,rfm_segment,created_at").split(",");
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
