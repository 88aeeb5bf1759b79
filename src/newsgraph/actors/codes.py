"""Entities from clusters: a canonical name, titles, and the actor codes.

Country and sector come from the article first (demonyms and country names in titles and
mentions, title words, organisations named in a title), then from the knowledge files:
organisations.tsv, and people.tsv for the role held on the publication date. The code joins
them: "USA" + "GOV" -> "USAGOV". Each entity says where its country came from
(``country_source``); the places stage gives the actors still without one the country of their
setting. Actors of the knowledge files carry a stable ``actor_id`` ("kb:donald-trump").
"""

from __future__ import annotations

from collections import Counter

from newsgraph.actors import knowledge
from newsgraph.actors.clusters import Cluster
from newsgraph.actors.mentions import followed_by_age
from newsgraph.actors.words import organisation_in, sector_of_words
from newsgraph.record import Entity, Span

GOVERNMENT = "GOV"  # the sector of a country that acts
CIVILIAN = "CVL"  # the sector of a person the text introduces by age alone ("Quina Jones, 25,")


def to_entity(cluster: Cluster, date: str | None, doc=None) -> Entity:
    """The record entity of a cluster (its id is given later, in order of first mention).

    With a publication date, a role of the people file held on that date is what the actor
    was then, and wins over the titles coreference gathered ("the president" said of a
    candidate); without one, the text's own titles come first. A country that acts (the subject
    of a verb, the agent of a passive: "Israel has vowed", "shielded by the United States") is
    coded as its government; a person the text introduces by age alone, as a civilian."""
    role = cluster.person.role_at(date) if cluster.person is not None else None
    dated = role if date is not None else None
    titles = _titles(cluster)
    country, source = _country(cluster, role, dated)
    sector = _sector(cluster, titles, role, dated)
    kind = cluster.type
    if ship := _ship(cluster):  # "INS Kochi": a ship of the Indian Navy, a body rather than a person
        if len(ship) > 3:
            country, source, sector, kind = ship[:3], "name", ship[3:], "ORG"
        else:  # "MV Ruen": a merchant ship, of the country of its flag when the text says it
            sector, kind = ship, "ORG"
    if sector is None and doc is not None and _is_country(cluster) and _acts(cluster, doc):
        sector = GOVERNMENT
    if sector is None and doc is not None and cluster.person is None and _aged(cluster, doc):
        sector = CIVILIAN
    if not titles and role is not None and role.title:
        titles = [role.title]
    spans = sorted({Span(m.start, m.end) for m in cluster.mentions})
    return Entity(
        id="", name=_name(cluster), type=kind, country=country, sector=sector,
        code=country + (sector or "") if country else _own_code(cluster, titles, sector), titles=titles, mentions=spans,
        country_source=source, actor_id=_actor_id(cluster),
    )


def _is_agent(cluster: Cluster) -> bool:
    """A nominal for someone who acts for its owner, or holds its post elsewhere (nouns.yaml:
    agents, counterparts), the owner known."""
    owner, nouns = cluster.owner, knowledge.nouns()
    return owner is not None and owner is not cluster and any(
        m.kind == "nominal" and m.words[0] in nouns.agents | nouns.counterparts for m in cluster.mentions)


def _past(title: str) -> bool:
    """A title of a role held before ("former minister", "ex-president")."""
    words = title.lower().split()
    return any(w in knowledge.nouns().past or w.split("-")[0] + "-" in knowledge.nouns().past for w in words)


def _ship(cluster: Cluster) -> str | None:
    """The code a ship's name prefix says (nouns.yaml: ship_prefixes): its navy's, or a merchant
    ship's sector."""
    prefixes = knowledge.nouns().ship_prefixes
    return next((prefixes[n[0]] for n in cluster.names if len(n) > 1 and n[0] in prefixes), None)


def _is_country(cluster: Cluster) -> bool:
    return cluster.type == "GPE" and cluster.key is not None and cluster.key in knowledge.countries()[2]


def _acts(cluster: Cluster, doc) -> bool:
    return acts(doc, [m.head for m in cluster.mentions if m.kind == "name"])


def acts(doc, heads: list[int]) -> bool:
    """Whether one of these tokens is the subject of a verb other than "be", or a passive's agent
    ("Israel has vowed", "shielded by the United States"), alone or with others ("Egypt and
    Qatar brokered")."""
    for i in heads:
        if not 0 <= i < len(doc):
            continue
        token = doc[i]
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # the first of coordinated names acts for all
        if token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_ != "be":
            return True
        if token.dep_ == "pobj" and token.head.dep_ == "agent":
            return True
    return False


def _aged(cluster: Cluster, doc) -> bool:
    """A person named with an age and no title of a role ("Ana Ruiz, 25, said"; "Scott, 43, a
    father of seven"): news introduces private people so; officials come with their titles."""
    if cluster.type != "PERSON" or any(m.title and sector_of_words(m.title) not in (None, CIVILIAN)
                                       for m in cluster.mentions):
        return False
    for m in cluster.mentions:
        if m.kind != "name":
            continue
        after = doc.char_span(m.end, m.end, alignment_mode="expand")
        if after is not None and followed_by_age(doc, after.start):
            return True
    return False


def _own_code(cluster: Cluster, titles: list[str], sector: str | None) -> str | None:
    """The code of an actor with no country: its organisation's own CAMEO code (IGOUNO), or the
    one of the organisation its title names ("UN chief"), else the sector alone."""
    orgs = [cluster.org] if cluster.org is not None else []
    orgs += [o for o in map(organisation_in, titles) if o is not None]
    return next((o.cameo for o in orgs if o.cameo and o.sector == sector), sector)


def _actor_id(cluster: Cluster) -> str | None:
    """The stable id of an actor the knowledge files know: a person, an organisation, a country."""
    if cluster.person is not None:
        return knowledge.actor_id(cluster.person.name)
    if cluster.org is not None and cluster.type != "GROUP":
        return knowledge.actor_id(cluster.org.name)
    if _is_country(cluster):
        return knowledge.actor_id(cluster.key)
    return None


def _name(cluster: Cluster) -> str:
    if cluster.label is not None:
        return cluster.label
    if cluster.person is not None:
        return cluster.person.name
    if cluster.type == "GPE" and cluster.key and cluster.key.isupper() and len(cluster.key) == 3:
        return knowledge.countries()[2].get(cluster.key, cluster.key)
    if cluster.org is not None and cluster.type != "GROUP":  # "Republicans" are coded as the party, not named so
        return cluster.org.name
    named = [m for m in cluster.mentions if m.kind == "name"]
    if named:
        longest = max(named, key=lambda m: (len(m.words), -m.start))
        return longest.name or " ".join(longest.words)
    first = next((m for m in cluster.mentions if m.kind == "nominal"), cluster.mentions[0])
    return first.title or first.words[0]


def _titles(cluster: Cluster) -> list[str]:
    out: list[str] = []
    for m in sorted(cluster.mentions, key=lambda m: m.start):
        if m.title and m.title not in out and (m.kind == "name" or cluster.type == "PERSON"):
            out.append(m.title)
    return out


def _country(cluster: Cluster, role: knowledge.Role | None, dated: knowledge.Role | None
             ) -> tuple[str | None, str | None]:
    """The country and where it came from: ``name`` (the actor's own name says it: a country, a
    demonym or place in an organisation's name), ``title`` (its titles and other mentions),
    ``knowledge`` (the organisation or people file). The setting is read later (places)."""
    if dated is not None and dated.country:
        return dated.country, "knowledge"
    for kind in ("name", None):
        votes = Counter(m.country for m in cluster.mentions if m.country and (kind is None or m.kind == kind))
        if votes:
            return votes.most_common(1)[0][0], "name" if kind and cluster.type != "PERSON" else "title"
    if cluster.org is not None and cluster.org.country:
        return cluster.org.country, "knowledge"
    if role is not None:  # with no country, the role is an international one ("UN Secretary-General")
        return role.country, "knowledge" if role.country else None
    if cluster.person is not None:
        found = next((r.country for r in cluster.person.roles if r.country), None)
        return found, "knowledge" if found else None
    if cluster.owner is not None and cluster.owner is not cluster:
        return _country(cluster.owner, _role(cluster.owner), None)
    return None, None


def _role(cluster: Cluster) -> knowledge.Role | None:
    return cluster.person.role_at(None) if cluster.person is not None else None


def _sector(cluster: Cluster, titles: list[str], role: knowledge.Role | None, dated: knowledge.Role | None
            ) -> str | None:
    if cluster.type in ("GPE", "LOC"):
        return cluster.org.sector if cluster.org is not None else None
    if dated is not None and dated.sector:
        return dated.sector
    if _is_agent(cluster):  # "Cruz's aides", "the Cruz spokesman" act for the senator
        named = [o for o in map(organisation_in, titles) if o is not None and o.sector]
        return named[0].sector if named else _sector(cluster.owner, _titles(cluster.owner), _role(cluster.owner), None)
    for title in titles:
        if _past(title):
            continue  # "a Conservative former minister" is no minister now
        if (code := sector_of_words(title)) is not None:
            return code
    if cluster.org is not None and cluster.org.sector:
        return cluster.org.sector
    if role is not None and role.sector:
        return role.sector
    for m in cluster.mentions:
        if m.kind == "nominal" and not _past(m.title or "") and (
                code := sector_of_words(m.title or "", m.words[0])) is not None:
            return code
    if cluster.type in ("ORG", "GROUP") and cluster.names:
        # an organisation's own name: its words, not the names of others inside it ("Atlantic Coast Conference")
        return sector_of_words(" ".join(cluster.names[0]), organisations=False)
    return None
