package org.agora.debate;

/** How the thread list is ordered; every order has its own index and keyset. */
public enum TopicSort {
    LATEST_ACTIVITY, NEWEST, MOST_ACTIVE
}
