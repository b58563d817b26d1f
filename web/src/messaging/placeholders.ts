// The placeholders a template may hold, offered as buttons in the template editor. Core fills
// {firstName}, {lastName} and {shopName}; a sender gives the others. The API refuses any other.
export const PLACEHOLDERS = ["firstName", "lastName", "shopName", "points", "coupon", "link"] as const;
