#include <gmock/gmock.h>

#include "graph/contacts.h"
#include "link_world.h"

namespace casegraph::graph {
namespace {

using ::testing::HasSubstr;

class ContactsTest : public testing::LinkWorldTest {};

TEST_F(ContactsTest, TheOperativeIsCommonToTwoSubjectsTheChannelIsNot) {
  auto r = QueryCommonContacts(*ws_, "subject:C1/S1", "subject:C2/S2");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r->contacts.size(), 1u);
  const CommonContact& c = r->contacts[0];
  EXPECT_EQ(c.ref, testing::kOperative);
  ASSERT_EQ(c.via_a.size(), 1u);
  EXPECT_EQ(c.via_a[0].account, "telegram:user100");
  EXPECT_EQ(c.via_a[0].kind, "direct");
  EXPECT_EQ(c.via_a[0].case_code, "C1");
  ASSERT_FALSE(c.via_a[0].citations.empty());
  EXPECT_EQ(c.via_b[0].account, "telegram:user102");
  EXPECT_EQ(c.total_b, 1);
}

TEST_F(ContactsTest, GroupOnOneSideDirectOnTheOther) {
  auto r = QueryCommonContacts(*ws_, "subject:C1/S1", "subject:C3/S3");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].via_b[0].kind, "group");
  EXPECT_THAT(r->contacts[0].via_b[0].detail, HasSubstr("Club"));
  EXPECT_EQ(r->contacts[0].via_b[0].citations.size(), 2u);
}

TEST_F(ContactsTest, APersonSideUsesAllItsAccounts) {
  const std::string person = "person:" + Rows("SELECT key FROM persons")[0];
  auto r = QueryCommonContacts(*ws_, person, "telegram:user104");
  ASSERT_TRUE(r.ok());
  // user200 and S3 share the group with user106.
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].ref, "telegram:user106");
}

TEST_F(ContactsTest, BadRefsAreErrors) {
  EXPECT_EQ(QueryCommonContacts(*ws_, "telegram:nobody", "subject:C1/S1").error().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(QueryCommonContacts(*ws_, "subject:C1/S1", "subject:C1/S1").error().kind(), ErrorKind::kInvalidArgument);
}

}  // namespace
}  // namespace casegraph::graph
