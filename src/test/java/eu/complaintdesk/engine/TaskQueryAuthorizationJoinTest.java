package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskQueryAuthorizationJoinTest {

  /**
   * The task query as the engine writes it for PostgreSQL (shape of 7.24, whitespace as MyBatis).
   */
  static final String ENGINE_SQL =
      """
      select distinct RES.REV_, RES.ID_, RES.NAME_
          from ACT_RU_TASK RES
          left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
          inner join
          ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
          inner join
          (
          SELECT A.*
          FROM ACT_RU_AUTHORIZATION A
          WHERE A.TYPE_ < 2
          AND ( A.USER_ID_ in ( ?, '*')
            OR A.GROUP_ID_ IN ( ? , ? )
          )
          AND (
            (A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?)
            OR
            (A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?)
          )
          )
          AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_ , D.KEY_ , '*'))
          WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL )
          and (
            (AUTH.RESOURCE_ID_ IS NOT NULL)
          )
          order by RES.DUE_DATE_ asc
      """;

  @Test
  void theAuthorizationJoinBecomesLateralWithTheSameConditions() {
    String sql = TaskQueryAuthorizationJoin.rewritten(ENGINE_SQL);

    String flat = sql.replaceAll("\\s+", " ");
    assertThat(flat)
        .contains(
            "inner join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ( A.TYPE_ < 2 AND ("
                + " A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) ) AND ( (A.RESOURCE_TYPE_ = ?"
                + " AND A.PERMS_ & ? = ?) OR (A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?) ) ) AND"
                + " A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*') LIMIT 1) AUTH ON (1 = 1)")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_")
        .contains("(AUTH.RESOURCE_ID_ IS NOT NULL)")
        .startsWith("select distinct RES.REV_")
        .endsWith("order by RES.DUE_DATE_ asc ");
    assertThat(sql.chars().filter(c -> c == '?').count())
        .as("the parameters stay in their order")
        .isEqualTo(ENGINE_SQL.chars().filter(c -> c == '?').count());
  }

  @Test
  void aLeftJoinStaysALeftJoin() {
    String sql =
        TaskQueryAuthorizationJoin.rewritten(
            ENGINE_SQL.replace("inner join\n    (", "left join\n    ("));

    assertThat(sql.replaceAll("\\s+", " ")).contains("left join lateral (SELECT A.*");
  }

  @Test
  void aStatementOfAnotherShapeIsLeftAsItIs() {
    String other = ENGINE_SQL.replace("D.KEY_ , '*'", "D.KEY_ , 'x'");
    String twoJoins =
        ENGINE_SQL.replace(
            "WHERE ( 1 = 1",
            ENGINE_SQL.substring(ENGINE_SQL.indexOf("inner join\n    (")) + " WHERE ( 1 = 1");

    assertThat(TaskQueryAuthorizationJoin.rewritten(other)).isEqualTo(other);
    assertThat(TaskQueryAuthorizationJoin.rewritten("select * from ACT_RU_TASK RES"))
        .isEqualTo("select * from ACT_RU_TASK RES");
    assertThat(TaskQueryAuthorizationJoin.rewritten(twoJoins)).isEqualTo(twoJoins);
  }

  /**
   * The count of "My groups' tasks" as the engine of 7.24 sent it to PostgreSQL (TaskQueryProbe).
   */
  static final String ENGINE_COUNT =
      "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTI"
          + "TYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ le"
          + "ft join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?"
          + ", '*') OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RE"
          + "SOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KE"
          + "Y_ , '*' )) WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and I.TYPE"
          + "_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL"
          + ") OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) ) countDistinct";

  @Test
  void theEnginesCountStatementIsRewritten() {
    String sql = TaskQueryAuthorizationJoin.rewritten(ENGINE_COUNT);

    assertThat(sql)
        .contains(
            "left join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ( A.TYPE_ < 2 AND (")
        .contains(") AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*') LIMIT 1) AUTH ON (1 = 1) WHERE")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
  }

  @Test
  void theVariableQuerysJoinIsRewrittenWithItsOwnColumns() {
    String variables =
        "select distinct RES.* from ACT_RU_VARIABLE RES left join ACT_RU_EXECUTION PROC_EXECUTION"
            + " on PROC_EXECUTION.ID_ = RES.PROC_INST_ID_ left join ACT_RE_PROCDEF PROCDEF on"
            + " PROCDEF.ID_ = PROC_EXECUTION.PROC_DEF_ID_ left join ( SELECT A.* FROM"
            + " ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') ) ) AUTH ON"
            + " (AUTH.RESOURCE_ID_ IN ( RES.PROC_INST_ID_ , PROC_EXECUTION.ID_ , PROCDEF.KEY_ ,"
            + " RES.TASK_ID_ , '*' )) WHERE RES.NAME_ in ( ? ) and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )";

    assertThat(TaskQueryAuthorizationJoin.rewritten(variables))
        .contains(
            "left join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ( A.TYPE_ < 2 AND ("
                + " A.USER_ID_ in ( ?, '*') ) ) AND A.RESOURCE_ID_ IN (RES.PROC_INST_ID_,"
                + " PROC_EXECUTION.ID_, PROCDEF.KEY_, RES.TASK_ID_, '*') LIMIT 1) AUTH ON (1 = 1)"
                + " WHERE RES.NAME_ in ( ? )");
  }

  @Test
  void theCountsJoinBecomesOneHashedSetOfGrantedResourcesWithItsParametersRepeated() {
    TaskQueryAuthorizationJoin.Uncorrelated hashed =
        TaskQueryAuthorizationJoin.uncorrelated(ENGINE_COUNT);

    String granted =
        "(SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE ( A.TYPE_ < 2 AND ( A.USER_ID_ in"
            + " ( ?, '*') OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?"
            + " OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ))";
    assertThat(hashed.sql())
        .contains(
            "left join lateral (SELECT '*' AS RESOURCE_ID_ WHERE RES.ID_ IN "
                + granted
                + " OR D.KEY_ IN "
                + granted
                + " OR '*' IN "
                + granted
                + ") AUTH ON (1 = 1) WHERE")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_")
        .contains("(AUTH.RESOURCE_ID_ IS NOT NULL)");
    // nothing before the join; the join's 8 three times; the candidate group after it
    assertThat(hashed.first()).isZero();
    assertThat(hashed.count()).isEqualTo(8);
    assertThat(hashed.copies()).isEqualTo(3);
    List<String> engines = List.of("u", "g", "7", "2", "2", "6", "64", "64", "group");
    assertThat(hashed.parameters(engines))
        .containsExactly(
            "u", "g", "7", "2", "2", "6", "64", "64", "u", "g", "7", "2", "2", "6", "64", "64", "u",
            "g", "7", "2", "2", "6", "64", "64", "group");
    assertThat(TaskQueryAuthorizationJoin.placeholders(hashed.sql())).isEqualTo(25);
  }

  @Test
  void parametersBeforeTheJoinKeepTheirPlace() {
    String sql =
        ENGINE_SQL.replace(
            "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_",
            "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ and I.TYPE_ = ?");
    TaskQueryAuthorizationJoin.Uncorrelated hashed = TaskQueryAuthorizationJoin.uncorrelated(sql);

    assertThat(hashed.first()).isEqualTo(1);
    assertThat(hashed.count()).isEqualTo(9);
    assertThat(hashed.parameters(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)))
        .containsExactly(
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(TaskQueryAuthorizationJoin.uncorrelated("select * from ACT_RU_TASK RES")).isNull();
    assertThat(TaskQueryAuthorizationJoin.placeholders("a = ? and b = '?' and c = ?")).isEqualTo(2);
  }

  @Test
  void theVariablePageIsWrittenAsNumbersAndItsTwoParametersDropped() {
    org.apache.ibatis.session.Configuration configuration =
        new org.apache.ibatis.session.Configuration();
    List<org.apache.ibatis.mapping.ParameterMapping> mappings =
        List.of(
            new org.apache.ibatis.mapping.ParameterMapping.Builder(
                    configuration, "name", String.class)
                .build(),
            new org.apache.ibatis.mapping.ParameterMapping.Builder(
                    configuration, "maxResults", Integer.class)
                .build(),
            new org.apache.ibatis.mapping.ParameterMapping.Builder(
                    configuration, "firstResult", Integer.class)
                .build());
    org.apache.ibatis.mapping.BoundSql bound =
        new org.apache.ibatis.mapping.BoundSql(
            configuration,
            "select RES.* from ACT_RU_VARIABLE RES where RES.NAME_ = ? order by RES.ID_ asc"
                + " LIMIT ? OFFSET ?\n  ",
            new java.util.ArrayList<>(mappings),
            new java.util.HashMap<>(
                java.util.Map.of("name", "x", "maxResults", 2147483647, "firstResult", 0)));

    TaskQueryAuthorizationJoin.inlinePage(bound);

    assertThat(bound.getSql())
        .endsWith("order by RES.ID_ asc LIMIT 2147483647 OFFSET 0 ")
        .containsOnlyOnce("?");
    assertThat(bound.getParameterMappings())
        .extracting(org.apache.ibatis.mapping.ParameterMapping::getProperty)
        .containsExactly("name");

    // another shape: left as it is
    org.apache.ibatis.mapping.BoundSql other =
        new org.apache.ibatis.mapping.BoundSql(
            configuration,
            "select RES.* from ACT_RU_VARIABLE RES where RES.NAME_ = ? LIMIT ? OFFSET ?",
            new java.util.ArrayList<>(List.of(mappings.get(0), mappings.get(2), mappings.get(1))),
            java.util.Map.of("name", "x", "maxResults", 15, "firstResult", 0));
    TaskQueryAuthorizationJoin.inlinePage(other);
    assertThat(other.getSql()).endsWith("LIMIT ? OFFSET ?");
    assertThat(other.getParameterMappings()).hasSize(3);
  }

  @Test
  void theAuthorizedGroupsAreWalkedAlongTheGroupIndex() {
    String engines = "\n    SELECT distinct(A.GROUP_ID_) FROM cd_ACT_RU_AUTHORIZATION A\n  ";

    assertThat(TaskQueryAuthorizationJoin.distinctGroups(engines))
        .isEqualTo(
            "WITH RECURSIVE G(GROUP_ID_) AS ((SELECT A.GROUP_ID_ FROM cd_ACT_RU_AUTHORIZATION A"
                + " WHERE A.GROUP_ID_ IS NOT NULL ORDER BY A.GROUP_ID_ LIMIT 1) UNION ALL SELECT"
                + " (SELECT A.GROUP_ID_ FROM cd_ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ >"
                + " G.GROUP_ID_ ORDER BY A.GROUP_ID_ LIMIT 1) FROM G WHERE G.GROUP_ID_ IS NOT NULL)"
                + " SELECT G.GROUP_ID_ FROM G WHERE G.GROUP_ID_ IS NOT NULL")
        .doesNotContain("?");
    // another shape: left as it is
    String filtered = "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1";
    assertThat(TaskQueryAuthorizationJoin.distinctGroups(filtered)).isEqualTo(filtered);
  }
}
